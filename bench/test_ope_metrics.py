"""Hand-worked cases for bench/ope_metrics.py, the same as Tests/EvaluationTests/MetricsTests.swift,
so the Python and Swift definitions stay one. Run: python3 -m unittest discover bench
"""
import math
import unittest

import ope_metrics as m

TARGET = (0.0, 0.0, 10.0, 10.0)
SHIFTED_BY_HALF = (5.0, 0.0, 10.0, 10.0)  # IoU 50 / 150 = 1/3
FARAWAY = (100.0, 0.0, 10.0, 10.0)
LOST = (math.nan,) * 4


class OnePassMetricsTests(unittest.TestCase):
    def test_thresholds_are_those_of_the_otb_and_lasot_toolkits(self):
        self.assertEqual(len(m.OVERLAP_THRESHOLDS), 21)
        self.assertEqual(m.OVERLAP_THRESHOLDS[3], 0.15)
        self.assertEqual(m.NORMALIZED_CENTER_ERROR_THRESHOLDS[20], 0.2)
        self.assertEqual(m.CENTER_ERROR_THRESHOLDS_PIXELS[-1], 50.0)

    def test_perfect_tracking_scores_twenty_over_twenty_one(self):
        scores = m.scores(m.sequence_curves([TARGET, TARGET], [TARGET, TARGET]))
        self.assertAlmostEqual(scores["auc"], 20 / 21, places=12)
        self.assertEqual(scores["precision_at_20px"], 1)
        self.assertEqual(scores["normalized_precision_auc"], 1)
        self.assertEqual(scores["success_rate_at_0_5"], 1)

    def test_a_box_never_overlaps_itself_by_more_than_one(self):
        box = (29.84, 113.41, 64.59, 64.59)
        self.assertLessEqual(m.intersection_over_union(box, box), 1)

    def test_boxes_offset_by_half_their_width(self):
        overlaps, errors, normalized = m.frame_errors([SHIFTED_BY_HALF], [TARGET])
        self.assertAlmostEqual(overlaps[0], 1 / 3, places=12)
        self.assertEqual(errors, [5.0])
        self.assertEqual(normalized, [0.5])
        curves = m.sequence_curves([SHIFTED_BY_HALF], [TARGET])
        self.assertAlmostEqual(m.scores(curves)["auc"], 7 / 21, places=12)
        self.assertAlmostEqual(sum(curves["precision"]) / 51, 46 / 51, places=12)
        self.assertAlmostEqual(m.scores(curves)["normalized_precision_auc"], 1 / 51, places=12)

    def test_normalized_centre_error_divides_each_axis_by_the_ground_truth_size(self):
        _, errors, normalized = m.frame_errors([(3.0, 4.0, 10.0, 40.0)], [(0.0, 0.0, 10.0, 40.0)])
        self.assertEqual(errors, [5.0])
        self.assertAlmostEqual(normalized[0], math.sqrt(0.3 ** 2 + 0.1 ** 2), places=12)

    def test_frames_without_ground_truth_are_skipped(self):
        predicted = [TARGET, SHIFTED_BY_HALF, FARAWAY, TARGET, TARGET]
        overlaps, _, _ = m.frame_errors(predicted, [TARGET, TARGET, TARGET, None, LOST])
        self.assertEqual(len(overlaps), 3)
        scores = m.scores(m.sequence_curves(predicted, [TARGET, TARGET, TARGET, None, LOST]))
        self.assertAlmostEqual(scores["success_rate_at_0_5"], 1 / 3, places=12)
        self.assertAlmostEqual(scores["precision_at_20px"], 2 / 3, places=12)

    def test_lost_target_counts_as_no_overlap_and_infinite_centre_error(self):
        self.assertEqual(m.frame_errors([LOST, (0.0, 0.0, 0.0, 0.0)], [TARGET, TARGET]),
                         ([0.0, 0.0], [math.inf, math.inf], [math.inf, math.inf]))

    def test_mean_weighs_sequences_equally_and_speed_is_a_median(self):
        perfect = m.sequence_curves([TARGET] * 3, [TARGET] * 3)
        lost = m.sequence_curves([FARAWAY], [TARGET])
        mean = m.scores(m.mean_curves([perfect, lost, perfect]))
        self.assertAlmostEqual(mean["auc"], (20 / 21 * 2) / 3, places=12)
        self.assertAlmostEqual(mean["precision_at_20px"], 2 / 3, places=12)
        self.assertEqual(m.median([100, 10, 40]), 40)
        self.assertEqual(m.median([1, 2, 3, 10]), 2.5)


if __name__ == "__main__":
    unittest.main()
