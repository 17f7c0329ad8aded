"""Times scikit-learn 1.2 and pandas on Errata's benchmark file; prints "name<TAB>time" lines.

Usage: /usr/bin/python3 sklearn_benchmark.py predictions.csv
Needs python3-sklearn and python3-pandas (apt-get install -y python3-sklearn python3-pandas).
"""
import sys
import time

import pandas as pd
import sklearn
from sklearn.metrics import classification_report, confusion_matrix


def timed(label, fn):
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    print("%s\t%s" % (label, "%.1f s" % seconds if seconds >= 10 else "%.0f ms" % (seconds * 1000)))
    sys.stdout.flush()
    return result


def main():
    path = sys.argv[1]
    df = timed("pandas read_csv (all columns)", lambda: pd.read_csv(path))
    y_true = df["actual"].to_numpy()
    y_pred = df["predicted"].to_numpy()
    timed("scikit-learn %s confusion_matrix" % sklearn.__version__,
          lambda: confusion_matrix(y_true, y_pred))
    timed("scikit-learn %s classification_report" % sklearn.__version__,
          lambda: classification_report(y_true, y_pred, digits=3))
    timed("pandas %s crosstab" % pd.__version__, lambda: pd.crosstab(df["actual"], df["predicted"]))


if __name__ == "__main__":
    main()
