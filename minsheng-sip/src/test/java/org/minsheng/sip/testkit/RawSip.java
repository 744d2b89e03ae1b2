package org.minsheng.sip.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Sends hand-made SIP datagrams (malformed ones included) and reads what comes back. */
public final class RawSip implements AutoCloseable {

	private final DatagramSocket socket;
	private final InetSocketAddress target;

	public RawSip(String localAddress, int targetPort) {
		try {
			socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
			socket.setSoTimeout(2000);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		target = new InetSocketAddress("127.0.0.1", targetPort);
	}

	public int localPort() {
		return socket.getLocalPort();
	}

	public String localAddress() {
		return socket.getLocalAddress().getHostAddress();
	}

	public void send(String message) {
		byte[] bytes = message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
		try {
			socket.send(new DatagramPacket(bytes, bytes.length, target));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The next message received within the socket timeout, or empty. */
	public Optional<String> receive() {
		byte[] buf = new byte[8192];
		DatagramPacket p = new DatagramPacket(buf, buf.length);
		try {
			socket.receive(p);
			return Optional.of(new String(buf, 0, p.getLength(), StandardCharsets.UTF_8));
		} catch (SocketTimeoutException e) {
			return Optional.empty();
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public void timeoutMillis(int millis) {
		try {
			socket.setSoTimeout(millis);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** An OPTIONS request from this socket. */
	public String options(String callId) {
		return """
				OPTIONS sip:%1$s SIP/2.0
				Via: SIP/2.0/UDP %2$s:%3$d;branch=z9hG4bK-%4$s
				From: <sip:probe@%2$s>;tag=%4$s
				To: <sip:%1$s>
				Call-ID: %4$s
				CSeq: 1 OPTIONS
				Max-Forwards: 70
				Content-Length: 0

				""".formatted(target.getHostString() + ":" + target.getPort(), localAddress(), localPort(), callId);
	}

	@Override
	public void close() {
		socket.close();
	}
}
