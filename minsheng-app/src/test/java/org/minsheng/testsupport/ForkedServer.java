package org.minsheng.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform as an operator runs it: its own JVM ({@code org.minsheng.MinshengApplication} on
 * this test's class path) on a data folder that outlives it, so a test can kill it with SIGKILL
 * and start it again on the same data. Its output goes to {@code server-N.log} in the data folder.
 */
public final class ForkedServer implements AutoCloseable {

	private final Process process;

	private final int port;

	private ForkedServer(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	/** Starts the server on the data folder with these extra arguments and waits until it is ready (at most 3 minutes). */
	public static ForkedServer start(Path dataDir, int run, String... args) throws IOException, InterruptedException {
		int port = freePort();
		var command = new ArrayList<String>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx768m",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), "org.minsheng.MinshengApplication"));
		var given = List.of(args);
		for (var setting : List.of("--server.port=" + port, "--minsheng.data-dir=" + dataDir,
				"--minsheng.contact.sip-port=0", "--minsheng.identity.admin-password=" + Api.ADMIN_PASSWORD,
				"--minsheng.nlp.retrain-cron=-", "--spring.main.banner-mode=off")) {
			var name = setting.substring(0, setting.indexOf('=') + 1);
			// an argument given twice would be read as a list of both: the caller's wins
			if (given.stream().noneMatch(a -> a.startsWith(name))) command.add(setting);
		}
		command.addAll(given);
		var process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(dataDir.resolve("server-" + run + ".log").toFile())
			.start();
		var server = new ForkedServer(process, port);
		server.awaitReady(Duration.ofMinutes(3));
		return server;
	}

	public int port() {
		return port;
	}

	public Api api() {
		return new Api(port);
	}

	/** SIGKILL: no shutdown hook, no flush, no goodbye; as a power cut leaves the process (not the disk). */
	public void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		if (process.isAlive()) kill();
	}

	private void awaitReady(Duration limit) throws InterruptedException {
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		var deadline = System.nanoTime() + limit.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) throw new IllegalStateException("The server stopped while starting: " + process.exitValue());
			try {
				var response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) return;
			}
			catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		process.destroyForcibly();
		throw new IllegalStateException("The server was not ready within " + limit);
	}

	public static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
