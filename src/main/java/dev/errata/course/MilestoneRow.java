package dev.errata.course;

import dev.errata.metrics.Interval;

/**
 * One split's milestone.
 *
 * @param milestone 1 for the training set, 2 for dev/test
 * @param split the split's value in the split column
 * @param role "training set", "dev set" or "test set"
 * @param examples the examples in the split (weighted when the predictions are)
 * @param accuracy the accuracy
 * @param interval its Wilson interval
 * @param expectedCost the expected cost per example under the cost matrix, NaN without one
 * @param business the business metric's value, NaN without a target
 */
public record MilestoneRow(
    int milestone,
    String split,
    String role,
    double examples,
    double accuracy,
    Interval interval,
    double expectedCost,
    double business) {}
