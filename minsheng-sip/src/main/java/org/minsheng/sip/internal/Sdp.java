package org.minsheng.sip.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Vector;

import javax.sdp.Attribute;
import javax.sdp.MediaDescription;
import javax.sdp.SdpException;
import javax.sdp.SdpFactory;
import javax.sdp.SdpParseException;
import javax.sdp.SessionDescription;

/**
 * The part of SDP (RFC 4566) a G.711 call needs: connection address, the audio stream's port and
 * payload types, rtpmap names, telephone-event, direction; and the offer/answer choice of RFC 3264.
 * Bodies are read and written with JAIN-SIP's SDP implementation ({@code javax.sdp}).
 */
record Sdp(String address, int port, List<Integer> payloadTypes, Map<Integer, String> rtpmap, String direction) {

	static final int DEFAULT_TELEPHONE_EVENT = 101;

	private static final Set<String> DIRECTIONS = Set.of("sendrecv", "sendonly", "recvonly", "inactive");

	private static final SdpFactory SDP = SdpFactory.getInstance();

	/** Parses an SDP body; throws IllegalArgumentException when it has no usable audio stream. */
	static Sdp parse(String body) {
		SessionDescription session;
		try {
			session = SDP.createSessionDescription(body);
		}
		catch (SdpParseException e) {
			throw new IllegalArgumentException("unreadable SDP: " + e.getMessage(), e);
		}
		try {
			MediaDescription audio = null;
			for (Object o : session.getMediaDescriptions(false) == null ? List.of() : session.getMediaDescriptions(false)) {
				var md = (MediaDescription) o;
				if ("audio".equals(md.getMedia().getMediaType())) {
					audio = md;
					break;
				}
			}
			if (audio == null) throw new IllegalArgumentException("no audio stream in the offer");
			var connection = audio.getConnection() != null ? audio.getConnection() : session.getConnection();
			if (connection == null) throw new IllegalArgumentException("no connection address in the offer");
			List<Integer> pts = new ArrayList<>();
			for (Object format : audio.getMedia().getMediaFormats(false)) pts.add(Integer.parseInt(String.valueOf(format).strip()));
			Map<Integer, String> rtpmap = new HashMap<>();
			var direction = direction(session.getAttributes(false), "sendrecv");
			direction = direction(audio.getAttributes(false), direction);
			for (Object o : audio.getAttributes(false) == null ? List.of() : audio.getAttributes(false)) {
				var attribute = (Attribute) o;
				if (!"rtpmap".equals(attribute.getName()) || attribute.getValue() == null) continue;
				String[] p = attribute.getValue().strip().split(" ", 2);
				if (p.length == 2) rtpmap.put(Integer.parseInt(p[0]), p[1].split("/")[0].toUpperCase(Locale.ROOT));
			}
			return new Sdp(connection.getAddress().split("/")[0], audio.getMedia().getMediaPort(), List.copyOf(pts),
					Map.copyOf(rtpmap), direction);
		}
		catch (SdpException | NumberFormatException e) {
			throw new IllegalArgumentException("bad audio stream in the offer: " + e.getMessage(), e);
		}
	}

	/** The direction attribute among these, or {@code otherwise} (a media-level one overrides the session's). */
	private static String direction(List<?> attributes, String otherwise) throws SdpParseException {
		if (attributes == null) return otherwise;
		for (Object o : attributes) {
			var name = ((Attribute) o).getName();
			if (DIRECTIONS.contains(name)) return name;
		}
		return otherwise;
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
		try {
			var session = SDP.createSessionDescription();
			session.setOrigin(SDP.createOrigin("minsheng", sessionId, sessionId, "IN", "IP4", address));
			session.setSessionName(SDP.createSessionName("minsheng"));
			session.setConnection(SDP.createConnection("IN", "IP4", address));
			var formats = new int[codecs.size() + (dtmf >= 0 ? 1 : 0)];
			for (int i = 0; i < codecs.size(); i++) formats[i] = codecs.get(i).payloadType;
			if (dtmf >= 0) formats[codecs.size()] = dtmf;
			var audio = SDP.createMediaDescription("audio", port, 1, "RTP/AVP", formats);
			var attributes = new Vector<Attribute>();
			for (Codec c : codecs) attributes.add(SDP.createAttribute("rtpmap", c.payloadType + " " + c.name() + "/8000"));
			if (dtmf >= 0) {
				attributes.add(SDP.createAttribute("rtpmap", dtmf + " telephone-event/8000"));
				attributes.add(SDP.createAttribute("fmtp", dtmf + " 0-16"));
			}
			attributes.add(SDP.createAttribute("ptime", "20"));
			attributes.add(SDP.createAttribute(direction, null));
			audio.setAttributes(attributes);
			session.setMediaDescriptions(new Vector<>(List.of(audio)));
			return session.toString();
		}
		catch (SdpException e) {
			throw new IllegalStateException("writing SDP", e);
		}
	}
}
