package org.minsheng.sip.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The small part of SDP (RFC 4566) a G.711 call needs: connection address, the audio stream's port and payload
 * types, rtpmap names, telephone-event, direction; and the offer/answer choice of RFC 3264.
 */
record Sdp(String address, int port, List<Integer> payloadTypes, Map<Integer, String> rtpmap, String direction) {

	static final int DEFAULT_TELEPHONE_EVENT = 101;

	/** Parses an SDP body; throws IllegalArgumentException when it has no usable audio stream. */
	static Sdp parse(String body) {
		String sessionAddress = null, mediaAddress = null, direction = "sendrecv";
		int port = -1;
		boolean inAudio = false, seenAudio = false;
		List<Integer> pts = new ArrayList<>();
		Map<Integer, String> rtpmap = new HashMap<>();
		for (String raw : body.split("\r?\n")) {
			String line = raw.strip();
			if (line.length() < 2 || line.charAt(1) != '=') continue;
			String value = line.substring(2);
			switch (line.charAt(0)) {
				case 'c' -> {
					String[] p = value.split(" ");
					if (p.length < 3) throw new IllegalArgumentException("bad c= line: " + line);
					String addr = p[2].split("/")[0];
					if (inAudio) mediaAddress = addr;
					else if (!seenAudio) sessionAddress = addr;
				}
				case 'm' -> {
					inAudio = value.startsWith("audio ") && !seenAudio;
					if (inAudio) {
						seenAudio = true;
						String[] p = value.split(" ");
						if (p.length < 4) throw new IllegalArgumentException("bad m= line: " + line);
						port = Integer.parseInt(p[1].split("/")[0]);
						for (int i = 3; i < p.length; i++) pts.add(Integer.parseInt(p[i]));
					}
				}
				case 'a' -> {
					if (!inAudio && seenAudio) continue;
					if (value.startsWith("rtpmap:")) {
						String[] p = value.substring(7).split(" ", 2);
						if (p.length == 2) rtpmap.put(Integer.parseInt(p[0]), p[1].split("/")[0].toUpperCase());
					} else if (value.equals("sendrecv") || value.equals("sendonly") || value.equals("recvonly")
							|| value.equals("inactive")) {
						direction = value;
					}
				}
				default -> { }
			}
		}
		if (!seenAudio) throw new IllegalArgumentException("no audio stream in the offer");
		String address = mediaAddress != null ? mediaAddress : sessionAddress;
		if (address == null) throw new IllegalArgumentException("no connection address in the offer");
		return new Sdp(address, port, List.copyOf(pts), Map.copyOf(rtpmap), direction);
	}

	/** The first G.711 codec in the offerer's order of preference, or null when there is none. */
	Codec firstG711() {
		for (int pt : payloadTypes) {
			Codec c = rtpmap.containsKey(pt) ? Codec.ofName(rtpmap.get(pt)) : Codec.ofPayloadType(pt);
			if (c != null && c.payloadType == pt) return c;
		}
		return null;
	}

	/** The telephone-event payload type offered, or -1. */
	int telephoneEvent() {
		for (int pt : payloadTypes) if ("TELEPHONE-EVENT".equals(rtpmap.get(pt))) return pt;
		return -1;
	}

	/** The direction to answer this offer with (RFC 3264 6.1): a phone that only sends is only listened to. */
	String answerDirection() {
		return switch (direction) {
			case "sendonly" -> "recvonly";
			case "inactive" -> "inactive";
			case "recvonly" -> "sendonly";
			default -> "sendrecv";
		};
	}

	boolean onHold() {
		return "sendonly".equals(direction) || "inactive".equals(direction) || "0.0.0.0".equals(address);
	}

	/** An SDP body offering or answering the given codecs (and telephone-event when {@code dtmf >= 0}). */
	static String write(String address, int port, long sessionId, List<Codec> codecs, int dtmf, String direction) {
		StringBuilder m = new StringBuilder("m=audio ").append(port).append(" RTP/AVP");
		for (Codec c : codecs) m.append(' ').append(c.payloadType);
		if (dtmf >= 0) m.append(' ').append(dtmf);
		StringBuilder s = new StringBuilder()
				.append("v=0\r\n")
				.append("o=minsheng ").append(sessionId).append(' ').append(sessionId).append(" IN IP4 ")
				.append(address).append("\r\n")
				.append("s=minsheng\r\n")
				.append("c=IN IP4 ").append(address).append("\r\n")
				.append("t=0 0\r\n")
				.append(m).append("\r\n");
		for (Codec c : codecs) s.append("a=rtpmap:").append(c.payloadType).append(' ').append(c.name()).append("/8000\r\n");
		if (dtmf >= 0) {
			s.append("a=rtpmap:").append(dtmf).append(" telephone-event/8000\r\n");
			s.append("a=fmtp:").append(dtmf).append(" 0-16\r\n");
		}
		s.append("a=ptime:20\r\n").append("a=").append(direction).append("\r\n");
		return s.toString();
	}
}
