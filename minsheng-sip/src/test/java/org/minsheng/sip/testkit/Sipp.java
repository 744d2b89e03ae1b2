package org.minsheng.sip.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs sipp (the {@code sip-tester} package) as a real SIP peer: a phone registering, a citizen calling, an agent's
 * phone answering. Scenarios are read from the classpath under {@code sipp/}.
 *
 * <p>Without sipp installed the test is skipped, unless {@code MINSHENG_REQUIRE_SIPP=1} (set by {@code .ci/run}),
 * which turns a missing sipp into a failure so CI cannot pass by skipping.
 */
public final class Sipp {

	public static final String DTMF_PCAP_DIR = "/usr/share/sip-tester";

	private final String scenario;
	private final String target;
	private final Map<String, String> fills = new LinkedHashMap<>();
	private final List<String> extra = new ArrayList<>();
	private int localPort = freeUdpPort();
	private int mediaPort = freeUdpPort();
	private String transport = "u1";
	private Duration timeout = Duration.ofSeconds(30);
	private int calls = 1;

	private Sipp(String scenario, String target) {
		this.scenario = scenario;
		this.target = target;
		apartFromMedia();
	}

	/**
	 * sipp binds its media ports (media to media+3) before its SIP port: the two ranges must not overlap. Both
	 * are picked free, but each before the other is bound, so they can land on each other.
	 */
	private void apartFromMedia() {
		while (mediaPort - 3 <= localPort && localPort <= mediaPort + 3) mediaPort = freeUdpPort();
	}

	public static void assumeInstalled() {
		boolean present = Stream.of(System.getenv("PATH").split(":"))
				.anyMatch(dir -> Files.isExecutable(Path.of(dir, "sipp")));
		if (!present && "1".equals(System.getenv("MINSHENG_REQUIRE_SIPP"))) {
			throw new IllegalStateException("sipp is required (MINSHENG_REQUIRE_SIPP=1) but not on PATH: "
					+ "apt-get install sip-tester");
		}
		assumeTrue(present, "sipp not installed (apt-get install sip-tester)");
	}

	/** A scenario from {@code sipp/<name>.xml} on the classpath, aimed at {@code host:port}. */
	public static Sipp scenario(String name, String host, int port) {
		assumeInstalled();
		return new Sipp(name, host + ":" + port);
	}

	/**
	 * Fills {@code {{name}}} in the scenario file before sipp reads it: sipp's own {@code -set} variables cannot go
	 * where it parses at load time (response codes, pauses, pcap files).
	 */
	public Sipp set(String name, Object value) {
		fills.put(name, String.valueOf(value));
		return this;
	}

	/**
	 * A citizen calling {@code number} from {@code caller} who follows {@code script}, then hangs up
	 * ({@code hangsUp}) or waits for the engine to hang up.
	 */
	public static Sipp caller(String host, int port, String number, String caller, CallerScript script, boolean hangsUp) {
		return scenario("caller-ivr", host, port).set("script", script.xml())
			.set("ending", hangsUp ? CallerScript.HANG_UP : CallerScript.HUNG_UP_ON)
			.set("number", number).set("caller", caller).set("media", "[media_port]");
	}

	/**
	 * Names the probe's port as the caller's media port in the SDP (the {@code caller-ivr} scenario), so what the
	 * engine sends the caller reaches the probe; sipp's own audio (speech, keys) still comes from sipp's port.
	 */
	public Sipp media(RtpProbe probe) {
		return set("media", probe.port());
	}

	public Sipp credentials(String user, String password) {
		extra.addAll(List.of("-au", user, "-ap", password));
		return this;
	}

	public Sipp localPort(int port) {
		this.localPort = port;
		this.fixedPort = true;
		apartFromMedia();
		return this;
	}

	/** Whether the test chose the SIP port (a phone answering where it registered from). */
	private boolean fixedPort;

	public int localPort() {
		return localPort;
	}

	public Sipp tcp() {
		this.transport = "t1";
		return this;
	}

	public Sipp timeout(Duration timeout) {
		this.timeout = timeout;
		return this;
	}

	public Sipp calls(int calls) {
		this.calls = calls;
		return this;
	}

	/** Runs to the end and returns the result; does not throw on failure. */
	public Result run() {
		Result result = launch().await();
		for (int attempt = 1; attempt < 3 && result.failedToBind(); attempt++) {
			System.err.println("sipp " + scenario + " could not bind port " + localPort + " or media " + mediaPort
					+ "; running it again");
			repick();
			result = launch().await();
		}
		return result;
	}

	private void repick() {
		if (!fixedPort) localPort = freeUdpPort();
		mediaPort = freeUdpPort();
		apartFromMedia();
	}

	/**
	 * Starts in the background (for a phone that waits to be called). Ports are checked free before sipp starts,
	 * but another process may bind one in the moment between: a sipp that could not bind is started again (on new
	 * ports unless the test fixed the SIP port), up to three times.
	 */
	public Running start() {
		Running running = launch();
		for (int attempt = 1; attempt < 3 && running.failedToBind(); attempt++) {
			System.err.println("sipp " + scenario + " could not bind port " + localPort + " or media " + mediaPort
					+ "; starting it again");
			repick();
			running = launch();
		}
		return running;
	}

	private Running launch() {
		try {
			Path dir = Files.createTempDirectory("sipp-");
			Path file = dir.resolve(scenario + ".xml");
			try (InputStream in = Sipp.class.getResourceAsStream("/sipp/" + scenario + ".xml")) {
				if (in == null) throw new IllegalArgumentException("no scenario sipp/" + scenario + ".xml");
				String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
				// twice: a fill (the script) may itself hold placeholders (the number, the caller)
				for (int pass = 0; pass < 2; pass++) {
					for (var e : fills.entrySet()) {
						text = text.replace("{{" + e.getKey() + "}}", e.getValue())
							.replaceAll("\\{\\{" + java.util.regex.Pattern.quote(e.getKey()) + "\\|[^}]*}}",
									java.util.regex.Matcher.quoteReplacement(e.getValue()));
					}
				}
				// a placeholder with a default ({{name|value}}) that the test left alone takes its default
				text = text.replaceAll("\\{\\{\\w+\\|([^}]*)}}", "$1");
				Files.writeString(file, text);
			}
			List<String> cmd = new ArrayList<>(List.of("sipp", target, "-sf", file.toString(),
					"-m", Integer.toString(calls), "-l", Integer.toString(calls), "-t", transport,
					"-i", "127.0.0.1", "-p", Integer.toString(localPort),
					"-mi", "127.0.0.1", "-mp", Integer.toString(mediaPort),
					"-timeout", timeout.toSeconds() + "s", "-timeout_error", "-nostdin",
					"-trace_err", "-error_file", dir.resolve("errors.log").toString(),
					"-trace_msg", "-message_file", dir.resolve("messages.log").toString()));
			cmd.addAll(extra);
			Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
					.redirectOutput(dir.resolve("out.log").toFile()).start();
			return new Running(p, dir, timeout.plusSeconds(10));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static final class Running {
		private final Process process;
		private final Path dir;
		private final Duration limit;

		Running(Process process, Path dir, Duration limit) {
			this.process = process;
			this.dir = dir;
			this.limit = limit;
		}

		public Result await() {
			try {
				if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
					process.destroyForcibly();
					process.waitFor();
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				process.destroyForcibly();
			}
			return new Result(process.exitValue(), read("out.log"), read("errors.log"), read("messages.log"));
		}

		/** sipp ended at once because a port was taken (errno 98). */
		boolean failedToBind() {
			try {
				if (!process.waitFor(200, TimeUnit.MILLISECONDS)) return false;
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return false;
			}
			return process.exitValue() != 0 && (read("errors.log") + read("out.log")).contains("Unable to bind");
		}

		public void kill() {
			process.destroyForcibly();
		}

		private String read(String name) {
			try {
				Path f = dir.resolve(name);
				return Files.exists(f) ? Files.readString(f) : "";
			} catch (IOException e) {
				return "(" + e + ")";
			}
		}
	}

	/**
	 * @param exitCode 0 when every call of the scenario succeeded (sipp's own verdict)
	 */
	public record Result(int exitCode, String output, String errors, String messages) {
		public boolean passed() {
			return exitCode == 0;
		}

		/** sipp could not bind its SIP or media port (errno 98) and did nothing. */
		boolean failedToBind() {
			return exitCode != 0 && (errors + output).contains("Unable to bind");
		}

		@Override
		public String toString() {
			return "sipp exit " + exitCode + "\n--- errors ---\n" + errors + "\n--- messages ---\n"
					+ (messages.length() > 6000 ? messages.substring(messages.length() - 6000) : messages);
		}
	}

	/**
	 * An even port with the three above it free for UDP (and the port itself for TCP): sipp binds its
	 * media port, the next one, and +2 for video. Taken from 10000–19999, below the kernel's
	 * ephemeral range, so a port found free is not handed to some other socket before sipp binds it.
	 */
	public static int freeUdpPort() {
		var random = java.util.concurrent.ThreadLocalRandom.current();
		for (int attempt = 0; attempt < 500; attempt++) {
			int port = 10_000 + 2 * random.nextInt(4_995);
			if (Math.abs(port - GATEWAY_PORT) < 4) continue;
			if (free(port)) return port;
		}
		throw new IllegalStateException("no free even UDP port with its neighbours in 10000-19999");
	}

	/**
	 * The port the carrier's gateway (a sipp scenario run with {@code localPort(gatewayPort())}) listens on, fixed for
	 * the test run so an application started once can be given it as its trunk; never handed out by
	 * {@link #freeUdpPort}.
	 */
	public static int gatewayPort() {
		return GATEWAY_PORT;
	}

	private static final int GATEWAY_PORT = pickGatewayPort();

	private static int pickGatewayPort() {
		var random = java.util.concurrent.ThreadLocalRandom.current();
		for (int attempt = 0; attempt < 500; attempt++) {
			int port = 10_000 + 2 * random.nextInt(4_995);
			if (free(port)) return port;
		}
		throw new IllegalStateException("no free port for the test gateway in 10000-19999");
	}

	private static boolean free(int port) {
		var sockets = new java.util.ArrayList<java.io.Closeable>();
		try {
			for (int p = port; p < port + 4; p++) {
				sockets.add(new DatagramSocket(new java.net.InetSocketAddress("127.0.0.1", p)));
			}
			var tcp = new java.net.ServerSocket();
			sockets.add(tcp);
			tcp.bind(new java.net.InetSocketAddress("127.0.0.1", port));
			return true;
		} catch (IOException e) {
			return false;
		} finally {
			for (var s : sockets) {
				try {
					s.close();
				} catch (IOException ignored) {
					// closing a probe socket
				}
			}
		}
	}

}
