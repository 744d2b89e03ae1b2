package org.minsheng.workorder.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.minsheng.platform.Downloads;
import org.minsheng.platform.InvalidFieldException;
import org.minsheng.workorder.Attachment;
import org.minsheng.workorder.Attachments;
import org.minsheng.workorder.WorkOrderNo;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Files on an order: {@code POST} multipart {@code file}, list, download (always as an attachment, never rendered). */
@RestController
class AttachmentController {

	private final Attachments attachments;

	AttachmentController(Attachments attachments) {
		this.attachments = attachments;
	}

	@PostMapping(path = "/api/work-orders/{no}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<Attachment> add(@PathVariable String no, @RequestParam(name = "file", required = false) MultipartFile file)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw new InvalidFieldException("file", "请以 multipart 的「file」部分上传文件");
		}
		try (var in = file.getInputStream()) {
			var added = attachments.add(WorkOrderNo.fromPath(no), file.getOriginalFilename(), file.getContentType(),
					in);
			return ResponseEntity.created(URI.create("/api/work-orders/" + no + "/attachments/" + added.id())).body(added);
		}
	}

	@GetMapping("/api/work-orders/{no}/attachments")
	List<Attachment> list(@PathVariable String no) {
		return attachments.list(WorkOrderNo.fromPath(no));
	}

	@GetMapping("/api/work-orders/{no}/attachments/{id}")
	ResponseEntity<InputStreamResource> download(@PathVariable String no, @PathVariable long id) {
		var download = attachments.open(WorkOrderNo.fromPath(no), id);
		var a = download.attachment();
		return Downloads.attachment(a.fileName(), a.contentType(), a.size(), a.sha256(), download.content());
	}
}
