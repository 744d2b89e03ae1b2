package org.minsheng.understanding;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A registered request reads as a risk that must reach a supervisor at once (self-harm, violence,
 * public safety, a mass incident, a media threat).
 *
 * @param orderNo the work order's number
 * @param risks   each kind found, with the policy and the words
 */
public record RequestRiskFlagged(String orderNo, List<Understanding.Analysis.Risk> risks, OffsetDateTime at) {
}
