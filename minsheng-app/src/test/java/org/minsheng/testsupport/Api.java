package org.minsheng.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small real-HTTP client for the REST API, as scripts and integrations would use it. */
public final class Api {

	public static final String ADMIN_PASSWORD = "Admin-Pass-2026";

	public static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http;

	private final String base;

	private final java.net.InetAddress local;

	public Api(int port) {
		this(port, null);
	}

	private Api(int port, java.net.InetAddress local) {
		// a client bound to a loopback address reaches the server over IPv4 loopback
		this.base = (local == null ? "http://localhost:" : "http://127.0.0.1:") + port;
		this.local = local;
		var builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
		if (local != null) builder.localAddress(local);
		this.http = builder.build();
	}

	/**
	 * The same API reached from another address on this machine (127.0.0.2, 127.0.0.3 …), as a
	 * second client would: throttles that count by source address tell the two apart.
	 */
	public Api from(String loopbackAddress) {
		try {
			var address = java.net.InetAddress.getByName(loopbackAddress);
			if (!address.isLoopbackAddress()) throw new IllegalArgumentException("Only loopback addresses: " + loopbackAddress);
			return new Api(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), address);
		}
		catch (java.net.UnknownHostException e) {
			throw new IllegalArgumentException(e);
		}
	}

	public String base() {
		return base;
	}

	public Session admin() {
		return as("admin", ADMIN_PASSWORD);
	}

	public Session as(String username, String password) {
		return new Session("Basic " + Base64.getEncoder()
			.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
	}

	public Session withToken(String token) {
		return new Session("Bearer " + token);
	}

	public Session anonymous() {
		return new Session(null);
	}

	/** Signs in to the console as a browser would (form login, session cookie, CSRF token). */
	public Console console(String username, String password) {
		return new Console(username, password);
	}

	/** A person's console session without a browser: pages as HTML, with their status. */
	public final class Console {

		private final HttpClient browser;

		private Console(String username, String password) {
			var builder = HttpClient.newBuilder()
				.cookieHandler(new java.net.CookieManager())
				.followRedirects(HttpClient.Redirect.NEVER)
				.connectTimeout(Duration.ofSeconds(5));
			if (local != null) builder.localAddress(local);
			browser = builder.build();
			var login = get("/login");
			var form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
					+ encode(csrf(login.body()));
			var signedIn = send(HttpRequest.newBuilder(URI.create(base + "/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
			if (signedIn.status() != 302 || signedIn.body().contains("error")) {
				throw new IllegalStateException("Console login of " + username + " failed: " + signedIn);
			}
		}

		public Response get(String path) {
			return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
		}

		/** What the console's own scripts fetch: the same session, asking for JSON. */
		public Response getJson(String path) {
			return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
		}

		private Response send(HttpRequest.Builder builder) {
			try {
				var response = browser.send(builder.timeout(Duration.ofSeconds(30)).build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				var location = response.headers().firstValue("Location").orElse("");
				return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
						response.statusCode() / 100 == 3 ? location : response.body());
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

		private static String csrf(String page) {
			var m = java.util.regex.Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
			if (!m.find()) throw new IllegalStateException("No CSRF token on the login page");
			return m.group(1);
		}

		private static String encode(String s) {
			return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
		}
	}

	public record Response(int status, String contentType, String body) {

		public JsonNode json() {
			return body == null || body.isBlank() ? null : JSON.readTree(body);
		}

		public long id() {
			return json().get("id").asLong();
		}
	}

	public final class Session {

		private final String authorization;

		private Session(String authorization) {
			this.authorization = authorization;
		}

		public Response get(String path) {
			return send("GET", path, null);
		}

		public Response post(String path, Object body) {
			return send("POST", path, body);
		}

		public Response put(String path, Object body) {
			return send("PUT", path, body);
		}

		public Response delete(String path) {
			return send("DELETE", path, null);
		}

		/** Uploads one file as the multipart part {@code file}. */
		public Response upload(String path, String fileName, byte[] content) {
			var boundary = "----minsheng" + System.nanoTime();
			var head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
					+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
			var tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
			var body = new byte[head.length + content.length + tail.length];
			System.arraycopy(head, 0, body, 0, head.length);
			System.arraycopy(content, 0, body, head.length, content.length);
			System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
			var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
				.header("Content-Type", "multipart/form-data; boundary=" + boundary)
				.POST(HttpRequest.BodyPublishers.ofByteArray(body));
			if (authorization != null) {
				builder.header("Authorization", authorization);
			}
			return exchange(builder);
		}

		/** Downloads raw bytes. */
		public byte[] bytes(String path) {
			var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30)).GET();
			if (authorization != null) {
				builder.header("Authorization", authorization);
			}
			try {
				var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
				if (response.statusCode() != 200) {
					throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
				}
				return response.body();
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

		/** Sends a text body with its content type (CSV, NDJSON). */
		public Response sendAs(String method, String path, String contentType, String body) {
			var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
			if (authorization != null) {
				builder.header("Authorization", authorization);
			}
			builder.header("Content-Type", contentType + "; charset=UTF-8")
				.method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
			return exchange(builder);
		}

		/** Sends a raw body, for malformed input. */
		public Response send(String method, String path, Object body) {
			var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
			if (authorization != null) {
				builder.header("Authorization", authorization);
			}
			if (body == null) {
				builder.method(method, HttpRequest.BodyPublishers.noBody());
			}
			else {
				var text = body instanceof String s ? s : JSON.writeValueAsString(body);
				builder.header("Content-Type", "application/json")
					.method(method, HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
			}
			return exchange(builder);
		}

		private Response exchange(HttpRequest.Builder builder) {
			try {
				var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				return new Response(response.statusCode(),
						response.headers().firstValue("Content-Type").orElse(""), response.body());
			}
			catch (IOException e) {
				throw new IllegalStateException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}
	}
}
