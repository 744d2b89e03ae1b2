package org.minsheng.nlp;

/** Prints a model's calibration and its reliability table, as the figure tests report them. */
final class Reliability {

	private Reliability() {
	}

	static void print(String model, String unit, Figures.Calibration calibration) {
		System.out.printf("%s calibration: temperature %.3f, ECE %.3f (LibLinear's own %.3f), log loss %.3f (%.3f)%n", model,
				calibration.temperature(), calibration.error(), calibration.errorBefore(), calibration.logLoss(),
				calibration.logLossBefore());
		for (var b : calibration.bins()) {
			System.out.printf("  confidence %.1f-%.1f: %d %s, mean confidence %.3f, accuracy %.3f%n", b.from(), b.to(),
					b.count(), unit, b.confidence(), b.accuracy());
		}
	}
}
