package org.minsheng.workorder;

import java.time.OffsetDateTime;

/**
 * A file on a work order: a photo from the caller, a department's evidence of the work done.
 * {@code timelineSeq} is the step it was handed in with (a reply), null while it stands alone.
 */
public record Attachment(long id, String fileName, String contentType, long size, String sha256, String uploadedBy,
		OffsetDateTime uploadedAt, Integer timelineSeq) {
}
