package org.minsheng.platform;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored file as an HTTP answer: always as an attachment (never shown inline, so an uploaded
 * page cannot run in the application's origin), with its type, size, UTF-8 file name, no content
 * sniffing and its SHA-256 as the entity tag.
 */
public final class Downloads {

	private Downloads() {
	}

	public static ResponseEntity<InputStreamResource> attachment(String fileName, String contentType, long size,
			String sha256, InputStream content) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(contentType))
			.contentLength(size)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(fileName, StandardCharsets.UTF_8).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.ETAG, "\"" + sha256 + "\"")
			.body(new InputStreamResource(content));
	}
}
