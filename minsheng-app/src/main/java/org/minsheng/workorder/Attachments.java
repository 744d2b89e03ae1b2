package org.minsheng.workorder;

import java.io.InputStream;
import java.util.List;

/**
 * Files on work orders, kept under the data folder ({@code attachments/yyyy/MM/}) with their
 * SHA-256. Staff who see an order see its files; the center and the holding department may add.
 */
public interface Attachments {

	Attachment add(WorkOrderNo no, String fileName, String contentType, InputStream content);

	List<Attachment> list(WorkOrderNo no);

	/** The file's metadata and its content; the caller closes the stream. */
	Download open(WorkOrderNo no, long attachmentId);

	record Download(Attachment attachment, InputStream content) {
	}
}
