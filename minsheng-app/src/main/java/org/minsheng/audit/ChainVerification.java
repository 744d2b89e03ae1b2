package org.minsheng.audit;

/**
 * Result of checking the whole chain.
 *
 * @param intact true when every sealed entry is unchanged and none is missing
 * @param checked how many sealed entries were checked
 * @param firstBrokenSeq sequence number of the first entry that fails, or null
 * @param firstBrokenId database id of that entry, or null (a missing entry has none)
 * @param problem what is wrong with it, or null
 * @param unsealed entries written but not sealed yet
 * @param millis how long the check took
 */
public record ChainVerification(boolean intact, long checked, Long firstBrokenSeq, Long firstBrokenId,
		String problem, long unsealed, long millis) {
}
