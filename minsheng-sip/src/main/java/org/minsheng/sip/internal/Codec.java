package org.minsheng.sip.internal;

/** The G.711 codecs the engine speaks, with their static RTP payload types (RFC 3551). */
enum Codec {
	PCMU(0), PCMA(8);

	final int payloadType;

	Codec(int payloadType) {
		this.payloadType = payloadType;
	}

	static Codec ofPayloadType(int pt) {
		return switch (pt) {
			case 0 -> PCMU;
			case 8 -> PCMA;
			default -> null;
		};
	}

	static Codec ofName(String name) {
		return switch (name.toUpperCase()) {
			case "PCMU" -> PCMU;
			case "PCMA" -> PCMA;
			default -> null;
		};
	}

	byte encode(short sample) {
		return this == PCMU ? G711.linearToUlaw(sample) : G711.linearToAlaw(sample);
	}

	short decode(byte code) {
		return this == PCMU ? G711.ULAW_TO_LINEAR[code & 0xff] : G711.ALAW_TO_LINEAR[code & 0xff];
	}
}
