package org.minsheng.workorder;

import java.time.Duration;
import java.util.Map;

/** The time limits of all open orders: the watch that marks warnings and overdue, and an overview of them all. */
public interface Deadlines {

	/** Marks every limit whose warning or deadline moment has come; returns how many marks were made. */
	int check();

	/** Evaluates every running limit of every open order now (a full SLA scan). */
	Overview overview();

	/**
	 * @param byStage running limits per stage, split into on time, warned (past the warning share) and overdue
	 * @param took how long the scan took
	 */
	record Overview(int running, int paused, int onTime, int warned, int overdue, Map<SlaStage, int[]> byStage,
			Duration took) {
	}
}
