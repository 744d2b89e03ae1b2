package org.minsheng.sip.testkit;

/**
 * What a sipp caller does once connected, for the {@code caller-ivr} scenario: pauses, keys pressed
 * (RFC 4733, from sipp's captures) and speech played (a 7 s A-law capture), then hanging up or
 * waiting to be hung up on.
 */
public final class CallerScript {

	public static final String SPEECH = Sipp.DTMF_PCAP_DIR + "/g711a.pcap";

	private final StringBuilder xml = new StringBuilder();

	public CallerScript pause(long millis) {
		xml.append("  <pause milliseconds=\"").append(millis).append("\"/>\n");
		return this;
	}

	/** Presses keys one after another, 300 ms apart. */
	public CallerScript keys(String keys) {
		for (char k : keys.toCharArray()) {
			String name = switch (k) {
				case '#' -> "pound";
				case '*' -> "star";
				default -> {
					if (k < '0' || k > '9') throw new IllegalArgumentException("no capture for key " + k);
					yield String.valueOf(k);
				}
			};
			xml.append("  <nop><action><exec play_pcap_audio=\"").append(Sipp.DTMF_PCAP_DIR).append("/dtmf_2833_")
				.append(name).append(".pcap\"/></action></nop>\n");
			pause(300);
		}
		return this;
	}

	/** Starts speaking (7 s of speech, played in the background while the script goes on). */
	public CallerScript speak() {
		xml.append("  <nop><action><exec play_pcap_audio=\"").append(SPEECH).append("\"/></action></nop>\n");
		return this;
	}

	String xml() {
		return xml.toString();
	}

	static final String HANG_UP = """
			  <send retrans="500">
			    <![CDATA[
			      BYE sip:{{number}}@[remote_ip]:[remote_port] SIP/2.0
			      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
			      From: <sip:{{caller}}@[local_ip]>;tag=[pid]SIPpTag00[call_number]
			      To: <sip:{{number}}@[remote_ip]>[peer_tag_param]
			      Call-ID: [call_id]
			      CSeq: 2 BYE
			      Max-Forwards: 70
			      Content-Length: 0

			    ]]>
			  </send>
			  <recv response="200"/>
			""";

	static final String HUNG_UP_ON = """
			  <recv request="BYE"/>
			  <send>
			    <![CDATA[
			      SIP/2.0 200 OK
			      [last_Via:]
			      [last_From:]
			      [last_To:]
			      [last_Call-ID:]
			      [last_CSeq:]
			      Content-Length: 0

			    ]]>
			  </send>
			""";
}
