"""Computes scikit-learn 1.2 reference values for Errata's differential test.

Usage: sklearn_reference.py INPUT.json OUTPUT.json

INPUT is a JSON list of cases: {"name", "labels", "y_true", "y_pred", "weights" (or null),
"pos_label" (or null), "score" (or null)}. Labels are strings; "labels" fixes their order.
OUTPUT maps each case name to plain numbers (NaN written as null). Only scikit-learn and numpy
compute the values; the few "undefined" variants re-derive NaN from the same counts.
"""
import json
import math
import sys
import warnings

import numpy as np
import sklearn
from sklearn import metrics as skm

warnings.simplefilter("ignore")


def plain(x):
    if isinstance(x, np.ndarray):
        return [plain(v) for v in x.tolist()]
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if x is None:
        return None
    x = float(x)
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    return None if math.isnan(x) else x


def nan_average(values, weights=None):
    values = np.asarray(values, dtype=float)
    keep = ~np.isnan(values)
    if not keep.any():
        return float("nan")
    w = None if weights is None else np.asarray(weights, dtype=float)[keep]
    if w is not None and w.sum() == 0:
        return float("nan")
    return float(np.average(values[keep], weights=w))


def case_reference(case):
    labels = case["labels"]
    yt = np.array(case["y_true"], dtype=object)
    yp = np.array(case["y_pred"], dtype=object)
    w = None if case["weights"] is None else np.array(case["weights"], dtype=float)
    out = {}
    cm = skm.confusion_matrix(yt, yp, labels=labels, sample_weight=w)
    out["confusion"] = plain(cm.astype(float))
    for norm in ("true", "pred", "all"):
        out["confusion_" + norm] = plain(
            skm.confusion_matrix(yt, yp, labels=labels, sample_weight=w, normalize=norm))
    out["accuracy"] = plain(skm.accuracy_score(yt, yp, sample_weight=w))
    out["balanced_accuracy"] = plain(skm.balanced_accuracy_score(yt, yp, sample_weight=w))
    out["balanced_accuracy_adjusted"] = plain(
        skm.balanced_accuracy_score(yt, yp, sample_weight=w, adjusted=True))
    out["mcc"] = plain(skm.matthews_corrcoef(yt, yp, sample_weight=w))
    for kw in (None, "linear", "quadratic"):
        out["kappa_" + str(kw).lower()] = plain(
            skm.cohen_kappa_score(yt, yp, labels=labels, weights=kw, sample_weight=w))
    mcm = skm.multilabel_confusion_matrix(yt, yp, labels=labels, sample_weight=w)
    tn, fp, fn, tp = mcm[:, 0, 0], mcm[:, 0, 1], mcm[:, 1, 0], mcm[:, 1, 1]
    pred_zero = (tp + fp) == 0
    true_zero = (tp + fn) == 0
    neg_zero = (tn + fp) == 0
    t_sum = cm.sum(axis=1).astype(float)
    p_sum = cm.sum(axis=0).astype(float)
    n = float(cm.sum())
    out["mcc_defined"] = bool((n * n - p_sum @ p_sum) * (n * n - t_sum @ t_sum) != 0)
    for zd in (0, 1):
        res = {}
        for beta in (1.0, 0.5, 2.0):
            p, r, f, s = skm.precision_recall_fscore_support(
                yt, yp, labels=labels, sample_weight=w, beta=beta, zero_division=zd)
            key = "f%g" % beta
            res[key] = plain(f)
            if beta == 1.0:
                res["precision"], res["recall"], res["support"] = plain(p), plain(r), plain(s)
            for avg in ("macro", "weighted", "micro"):
                ap, ar, af, _ = skm.precision_recall_fscore_support(
                    yt, yp, labels=labels, sample_weight=w, beta=beta, average=avg,
                    zero_division=zd)
                res[avg + "_" + key] = plain(af)
                if beta == 1.0:
                    res[avg + "_precision"], res[avg + "_recall"] = plain(ap), plain(ar)
        with np.errstate(all="ignore"):
            spec = np.where(neg_zero, float(zd), tn / np.where(neg_zero, 1, tn + fp))
        res["specificity"] = plain(spec)
        if case["pos_label"] is not None and len(labels) == 2:
            pos = case["pos_label"]
            res["binary_precision"] = plain(skm.precision_score(
                yt, yp, pos_label=pos, sample_weight=w, zero_division=zd))
            res["binary_recall"] = plain(skm.recall_score(
                yt, yp, pos_label=pos, sample_weight=w, zero_division=zd))
            res["binary_f1"] = plain(skm.f1_score(
                yt, yp, pos_label=pos, sample_weight=w, zero_division=zd))
        out["zd%d" % zd] = res
    # "Undefined" policy: the same per-class values with NaN where the denominator is 0, averaged
    # the way scikit-learn 1.3+ averages zero_division=np.nan (NaN entries left out).
    z0 = out["zd0"]
    und = {}
    nan_or = lambda values, mask: [float("nan") if m else v for v, m in zip(values, mask)]
    und["precision"] = nan_or(z0["precision"], pred_zero)
    und["recall"] = nan_or(z0["recall"], true_zero)
    und["specificity"] = nan_or(z0["specificity"], neg_zero)
    both = pred_zero & true_zero
    support = np.array(z0["support"], dtype=float)
    for beta in ("f1", "f0.5", "f2"):
        und[beta] = nan_or(z0[beta], both)
    for avg in ("macro", "weighted"):
        wts = support if avg == "weighted" else None
        for m in ("precision", "recall", "f1", "f0.5", "f2"):
            und[avg + "_" + m] = nan_average(und[m], wts)
    for m in ("precision", "recall", "f1", "f0.5", "f2"):
        und["micro_" + m] = z0["micro_" + m] if n > 0 else float("nan")
    out["undefined"] = {k: plain(v) for k, v in und.items()}
    if case.get("score") is not None:
        out["scores"] = score_reference(case, yt, w)
    return out


def score_reference(case, yt, w):
    s = np.array(case["score"], dtype=float)
    pos = case["pos_label"]
    res = {}
    fpr, tpr, thr = skm.roc_curve(yt, s, pos_label=pos, sample_weight=w)
    res["roc_fpr"], res["roc_tpr"], res["roc_thresholds"] = plain(fpr), plain(tpr), plain(thr)
    fpr_all, tpr_all, thr_all = skm.roc_curve(
        yt, s, pos_label=pos, sample_weight=w, drop_intermediate=False)
    res["roc_all_thresholds"] = plain(thr_all)
    p, r, t = skm.precision_recall_curve(yt, s, pos_label=pos, sample_weight=w)
    res["pr_precision"], res["pr_recall"], res["pr_thresholds"] = plain(p), plain(r), plain(t)
    y_bin = (yt == pos).astype(int)
    if 0 < y_bin.sum() < len(y_bin):
        res["roc_auc"] = plain(skm.roc_auc_score(y_bin, s, sample_weight=w))
    res["average_precision"] = plain(skm.average_precision_score(y_bin, s, sample_weight=w))
    return res


def main():
    if not sklearn.__version__.startswith("1.2"):
        sys.exit("scikit-learn 1.2 is required, found " + sklearn.__version__)
    with open(sys.argv[1]) as f:
        cases = json.load(f)
    result = {case["name"]: case_reference(case) for case in cases}
    with open(sys.argv[2], "w") as f:
        json.dump({"sklearn": sklearn.__version__, "cases": result}, f, allow_nan=False)


if __name__ == "__main__":
    main()
