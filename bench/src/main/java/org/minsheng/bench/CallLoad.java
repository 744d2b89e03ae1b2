package org.minsheng.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.minsheng.contact.AgentState;
import org.minsheng.contact.ContactCenter;
import org.minsheng.identity.RunAs;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The contact center under call load, the whole application with recording on: sipp registers N
 * agents' phones (one sipp process answers for all of them and echoes their audio back), the call
 * plan sends 12345 straight to a longest-idle queue, and sipp callers dial in at a given rate, speak
 * for the whole call (looped A-law speech) and hang up after the hold time. Each concurrency level
 * is run in turn; for each: failed calls (sipp's count and the call records), the engine's RTP loss
 * and jitter, the ACD's routing decision p99, process CPU and memory, per call.
 */
final class CallLoad {

	private CallLoad() {
	}

	record Sample(long nanos, long cpuNanos, long rssKb, long heapBytes, int activeCalls) {
	}

	static void run(String db, String levels, int holdSeconds, int rate) throws Exception {
		var maxLevel = java.util.Arrays.stream(levels.split(",")).mapToInt(Integer::parseInt).max().orElseThrow();
		var work = Files.createTempDirectory("call-load-");
		try (var databases = new Databases()) {
			var context = databases.start(db, "--minsheng.contact.sip-port=0",
					"--minsheng.contact.requests-per-second=1000000", "--minsheng.contact.rtp-port-min=20000",
					"--minsheng.contact.rtp-port-max=39998", "--spring.datasource.hikari.maximum-pool-size=20");
			var runAs = context.getBean(RunAs.class);
			var center = context.getBean(ContactCenter.class);
			var jdbc = context.getBean(JdbcTemplate.class);
			int port = center.sipPort().orElseThrow();
			System.out.printf("engine on SIP port %d, %s, %d agents, levels %s, hold %d s, %d calls/s%n", port, db, maxLevel,
					levels, holdSeconds, rate);

			// agents: accounts, the call plan, signed in
			runAs.asUser("admin", () -> {
				for (int i = 0; i < maxLevel; i++) {
					var ext = String.valueOf(100_000 + i);
					center.saveAgent("load" + i, new ContactCenter.AgentAccount(ext, "load-pw-" + i, Map.of()));
				}
				center.replacePlan("""
						queues:
						  load: {strategy: longest-idle, max_wait: 60s, ring_timeout: 10s, wrap_up: 0s, max_no_answer: 0}
						flows:
						  - number: "12345"
						    start: staffed
						    nodes:
						      staffed: {queue: load}
						""");
				for (int i = 0; i < maxLevel; i++) center.changeState("load" + i, AgentState.AVAILABLE, null);
				return null;
			});
			var agentPort = 16000;
			// every phone registers from the port the answering sipp will listen on (sipp cannot take
			// digest credentials per call from a file), then that sipp answers for all of them
			register(port, agentPort, maxLevel);
			var registered = runAs.asUser("admin", () -> center.agents().stream().filter(ContactCenter.AgentView::phoneRegistered).count());
			System.out.printf("%d phones registered%n", registered);
			var agents = sipp(work, "load-agent", port, agentPort, List.of("-rtp_echo", "-mp", "17000", "-l", "100000", "-rtp_buffsize", "8388608", "-mb", "4096"), Map.of());

			var audio = speech(work);
			var pid = ProcessHandle.current().pid();
			System.out.printf("%n| concurrent | calls | failed (sipp) | answered (CDR) | RTP received | lost | loss | of which citizens' legs | jitter p99 | routing p99 | CPU (process) | CPU/call | RSS | RSS/call vs idle | heap used |%n");
			System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
			var idle = sample(center, runAs);
			long answeredBefore = 0;
			for (var level : levels.split(",")) {
				int n = Integer.parseInt(level.strip());
				var before = runAs.asUser("admin", center::live).media();
				var caller = sipp(work, "load-caller", port, 15060, List.of("-r", String.valueOf(rate), "-l", String.valueOf(n),
						"-m", String.valueOf(n), "-trace_stat", "-stf", work.resolve("caller-" + n + ".csv").toString(),
						"-fd", "1", "-rtp_buffsize", "1048576"),
						Map.of("audio", audio.toString(), "hold", String.valueOf(holdSeconds * 1000L)));
				// steady state: from when the last call is up (ramp n/rate s) to 2 s before the first hangs up
				var rampMillis = (long) Math.ceil(n * 1000.0 / rate) + 2000;
				Thread.sleep(rampMillis);
				var start = sample(center, runAs);
				Thread.sleep(Math.max(1000, holdSeconds * 1000L - rampMillis - 2000));
				var end = sample(center, runAs);
				int exit = caller.waitFor();
				Thread.sleep(3000); // records are written as the calls end
				var after = runAs.asUser("admin", center::live);
				var media = after.media();
				var failed = failedCalls(work.resolve("caller-" + n + ".csv"));
				long answered = jdbc.queryForObject("select count(*) from contact_call where disposition = 'ANSWERED'", Long.class);
				long received = media.packetsReceived() - before.packetsReceived();
				long lost = media.packetsLost() - before.packetsLost();
				long callerReceived = media.callerPacketsReceived() - before.callerPacketsReceived();
				long callerLost = media.callerPacketsLost() - before.callerPacketsLost();
				double seconds = (end.nanos() - start.nanos()) / 1e9;
				double cpu = (end.cpuNanos() - start.cpuNanos()) / 1e9 / seconds; // cores
				int calls = (start.activeCalls() + end.activeCalls()) / 2;
				System.out.printf("| %d | %d | %s%s | %d | %,d | %,d | %.4f%% | %,d lost of %,d | %.1f ms | %.3f ms | %.0f%% of a core | %.2f ms/s | %,d MB | %.0f KB | %,d MB |%n",
						n, calls, failed, exit == 0 ? "" : " (exit " + exit + ")", answered - answeredBefore, received, lost,
						received == 0 ? 0.0 : 100.0 * lost / (received + lost), callerLost, callerReceived, media.jitterP99Millis(), after.routingP99Millis(),
						cpu * 100, calls == 0 ? 0 : cpu * 1000 / calls, end.rssKb() / 1024,
						calls == 0 ? 0 : (double) (end.rssKb() - idle.rssKb()) / calls, end.heapBytes() >> 20);
				answeredBefore = answered;
			}

			// call set-up rate: short calls at twice the target rate
			var setupRate = rate * 2;
			var setupCalls = setupRate * 20;
			var t0 = System.nanoTime();
			var burst = sipp(work, "load-caller", port, 15062, List.of("-r", String.valueOf(setupRate), "-l", String.valueOf(setupRate * 3),
					"-m", String.valueOf(setupCalls), "-trace_stat", "-stf", work.resolve("setup.csv").toString(), "-fd", "1"),
					Map.of("audio", audio.toString(), "hold", "1000"));
			burst.waitFor();
			var elapsed = (System.nanoTime() - t0) / 1e9;
			System.out.printf("%nset-up: %d calls offered at %d/s, %s failed, %.1f calls/s completed (each held 1 s)%n", setupCalls,
					setupRate, failedCalls(work.resolve("setup.csv")), setupCalls / elapsed);
			agents.destroy();
			agents.waitFor(5, TimeUnit.SECONDS);
			System.out.printf("pid %d; work folder %s%n", pid, work);
		}
	}

	/** Digest REGISTERs (RFC 3261 with qop=auth) for agents 100000.. from one UDP port. */
	private static void register(int enginePort, int localPort, int agents) throws Exception {
		try (var socket = new java.net.DatagramSocket(new java.net.InetSocketAddress("127.0.0.1", localPort))) {
			socket.setSoTimeout(5000);
			var engine = new java.net.InetSocketAddress("127.0.0.1", enginePort);
			var buf = new byte[8192];
			for (int i = 0; i < agents; i++) {
				var ext = String.valueOf(100_000 + i);
				var callId = "reg-" + ext + "-" + System.nanoTime();
				String authorization = null;
				for (int cseq = 1; cseq <= 2; cseq++) {
					var msg = "REGISTER sip:127.0.0.1:" + enginePort + " SIP/2.0\r\n"
							+ "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=z9hG4bK-" + callId + "-" + cseq + "\r\n"
							+ "From: <sip:" + ext + "@127.0.0.1>;tag=" + ext + "\r\n" + "To: <sip:" + ext + "@127.0.0.1>\r\n"
							+ "Call-ID: " + callId + "\r\n" + "CSeq: " + cseq + " REGISTER\r\n"
							+ "Contact: <sip:" + ext + "@127.0.0.1:" + localPort + ">\r\n" + "Max-Forwards: 70\r\n"
							+ "Expires: 3600\r\n" + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
							+ "Content-Length: 0\r\n\r\n";
					var bytes = msg.getBytes(StandardCharsets.US_ASCII);
					socket.send(new java.net.DatagramPacket(bytes, bytes.length, engine));
					var packet = new java.net.DatagramPacket(buf, buf.length);
					socket.receive(packet);
					var answer = new String(buf, 0, packet.getLength(), StandardCharsets.US_ASCII);
					if (answer.startsWith("SIP/2.0 200")) break;
					if (!answer.startsWith("SIP/2.0 401") || cseq == 2) throw new IllegalStateException("REGISTER " + ext + ": " + answer);
					var nonce = answer.replaceAll("(?s).*nonce=\"([^\"]+)\".*", "$1");
					var realm = answer.replaceAll("(?s).*realm=\"([^\"]+)\".*", "$1");
					var uri = "sip:127.0.0.1:" + enginePort;
					var ha1 = org.minsheng.sip.SubscriberDirectory.ha1(ext, realm, "load-pw-" + i);
					var ha2 = org.minsheng.sip.SubscriberDirectory.md5Hex("REGISTER:" + uri);
					var response = org.minsheng.sip.SubscriberDirectory.md5Hex(ha1 + ":" + nonce + ":00000001:c0ffee:auth:" + ha2);
					authorization = "Digest username=\"" + ext + "\", realm=\"" + realm + "\", nonce=\"" + nonce + "\", uri=\""
							+ uri + "\", response=\"" + response + "\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"c0ffee\"";
				}
			}
		}
	}

	private static Sample sample(ContactCenter center, RunAs runAs) throws IOException {
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long rss = 0;
		for (var line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("[^0-9]", ""));
		}
		var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
		var active = runAs.asUser("admin", center::live).activeCalls();
		return new Sample(System.nanoTime(), os.getProcessCpuTime(), rss, heap, active);
	}

	/** The last FailedCall(C) of a sipp statistics file. */
	private static String failedCalls(Path csv) throws IOException {
		if (!Files.exists(csv)) return "?";
		var lines = Files.readAllLines(csv);
		if (lines.size() < 2) return "?";
		var header = List.of(lines.getFirst().split(";"));
		var last = lines.getLast().split(";");
		int i = header.indexOf("FailedCall(C)");
		return i < 0 || i >= last.length ? "?" : last[i];
	}

	private static Process sipp(Path work, String scenario, int port, int localPort, List<String> extra, Map<String, String> fills)
			throws IOException {
		var file = work.resolve(scenario + ".xml");
		try (var in = CallLoad.class.getResourceAsStream("/sipp/" + scenario + ".xml")) {
			var text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			for (var e : fills.entrySet()) text = text.replace("{{" + e.getKey() + "}}", e.getValue());
			Files.writeString(file, text);
		}
		var cmd = new ArrayList<>(List.of("sipp", "127.0.0.1:" + port, "-sf", file.toString(), "-i", "127.0.0.1", "-p",
				String.valueOf(localPort), "-nostdin", "-trace_err", "-error_file", work.resolve(scenario + "-errors.log").toString(),
				"-max_socket", "60000"));
		cmd.addAll(extra);
		return new ProcessBuilder(cmd).directory(work.toFile()).redirectErrorStream(true)
			.redirectOutput(work.resolve(scenario + "-" + localPort + ".out").toFile()).start();
	}

	private static String tail(Path work, String scenario) throws IOException {
		var f = work.resolve(scenario + "-errors.log");
		return Files.exists(f) ? Files.readString(f) : "(no error log)";
	}

	/** Mandarin speech as an A-law WAV for sipp's rtp_stream (espeak-ng, sox). */
	private static Path speech(Path work) throws Exception {
		var raw = work.resolve("speech.wav");
		var alaw = work.resolve("speech-alaw.wav");
		run("espeak-ng", "-v", "cmn-latn-pinyin", "-w", raw.toString(),
				"您好，我想反映一下我们小区门口的路灯已经坏了两个星期了，晚上很黑，老人出门很不方便，希望有关部门尽快来修一下，谢谢。");
		run("sox", raw.toString(), "-r", "8000", "-c", "1", "-e", "a-law", alaw.toString());
		return alaw;
	}

	private static void run(String... cmd) throws Exception {
		var p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
		if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + ": " + new String(p.getInputStream().readAllBytes()));
	}
}
