package org.minsheng.knowledge;

import java.time.OffsetDateTime;

/** A file attached to an article (the source document, a form to fill in), with its SHA-256. */
public record ArticleAttachment(long id, String fileName, String contentType, long size, String sha256,
		String uploadedBy, OffsetDateTime uploadedAt) {
}
