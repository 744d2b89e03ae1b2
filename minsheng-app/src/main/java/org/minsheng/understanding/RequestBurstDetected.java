package org.minsheng.understanding;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Many requests alike from one district within a day: possibly a mass issue (群体诉求) that
 * supervisors should see at once, before the orders are handled one by one.
 *
 * @param district     the district's code (6 digits)
 * @param districtName its full name, province first
 * @param orderNos     the orders alike, newest first
 */
public record RequestBurstDetected(String district, String districtName, List<String> orderNos, OffsetDateTime at) {
}
