package org.minsheng.sip.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.minsheng.sip.AudioClip;
import org.minsheng.sip.Recording;
import org.minsheng.sip.SubscriberDirectory;
import org.minsheng.sip.testkit.Wav;

class MediaFormatsTest {

	@Test
	void g711EncodingIsStableThroughDecodeAndEncode() {
		for (Codec codec : Codec.values()) {
			for (int code = 0; code < 256; code++) {
				short linear = codec.decode((byte) code);
				byte again = codec.encode(linear);
				assertThat(codec.decode(again)).as("%s code %d", codec, code).isEqualTo(linear);
			}
		}
	}

	@Test
	void g711KeepsSpeechLevelsWithinTheCompandingError() {
		for (Codec codec : Codec.values()) {
			for (int v = -32000; v <= 32000; v += 97) {
				short back = codec.decode(codec.encode((short) v));
				assertThat(Math.abs(back - v)).as("%s %d -> %d", codec, v, back)
						.isLessThanOrEqualTo(Math.max(16, Math.abs(v) / 14));
			}
		}
	}

	@Test
	void sdpOfferYieldsFirstG711CodecInTheOfferersOrder() {
		Sdp offer = Sdp.parse("""
				v=0
				o=- 1 1 IN IP4 10.0.0.9
				s=-
				c=IN IP4 10.0.0.9
				t=0 0
				m=audio 4000 RTP/AVP 18 8 0 101
				a=rtpmap:18 G729/8000
				a=rtpmap:8 PCMA/8000
				a=rtpmap:0 PCMU/8000
				a=rtpmap:101 telephone-event/8000
				a=sendonly
				""");

		assertThat(offer.firstG711()).isEqualTo(Codec.PCMA);
		assertThat(offer.telephoneEvent()).isEqualTo(101);
		assertThat(offer.address()).isEqualTo("10.0.0.9");
		assertThat(offer.port()).isEqualTo(4000);
		assertThat(offer.onHold()).isTrue();
	}

	@Test
	void sdpMediaLevelAddressWinsOverSessionLevel() {
		Sdp offer = Sdp.parse("v=0\r\nc=IN IP4 1.1.1.1\r\nm=audio 5000 RTP/AVP 0\r\nc=IN IP4 2.2.2.2\r\n");
		assertThat(offer.address()).isEqualTo("2.2.2.2");
		assertThat(offer.firstG711()).isEqualTo(Codec.PCMU);
		assertThat(offer.telephoneEvent()).isEqualTo(-1);
	}

	@Test
	void sdpOfAPhoneWithBandwidthUnknownAttributesAndAVideoStreamFirstIsRead() {
		Sdp offer = Sdp.parse("""
				v=0
				o=baresip 123 456 IN IP4 10.0.0.5
				s=baresip
				t=0 0
				m=video 5000 RTP/AVP 96
				c=IN IP4 10.0.0.5
				m=audio 10000 RTP/AVP 0 8 101
				c=IN IP4 10.0.0.6
				b=AS:64
				a=rtcp-mux
				a=x-vendor some value with spaces
				a=rtpmap:0 PCMU/8000
				a=inactive
				""");

		assertThat(offer.address()).isEqualTo("10.0.0.6");
		assertThat(offer.port()).isEqualTo(10000);
		assertThat(offer.firstG711()).isEqualTo(Codec.PCMU);
		assertThat(offer.answerDirection()).isEqualTo("inactive");
		assertThat(Sdp.parse("v=0\r\no=- 1 1 IN IP6 ::1\r\ns=-\r\nc=IN IP6 ::1\r\nt=0 0\r\nm=audio 6000 RTP/AVP 8\r\n").address())
			.isEqualTo("::1");
	}

	@Test
	void sdpWithoutAudioIsRefused() {
		assertThatThrownBy(() -> Sdp.parse("v=0\r\nc=IN IP4 1.1.1.1\r\nm=video 5000 RTP/AVP 96\r\n"))
				.hasMessageContaining("no audio");
	}

	@Test
	void sdpAnswerNamesCodecAndTelephoneEvent() {
		String sdp = Sdp.write("192.0.2.1", 20000, 7, List.of(Codec.PCMU), 101, "sendrecv");
		Sdp back = Sdp.parse(sdp);
		assertThat(back.firstG711()).isEqualTo(Codec.PCMU);
		assertThat(back.telephoneEvent()).isEqualTo(101);
		assertThat(back.port()).isEqualTo(20000);
	}

	@Test
	void digestAcceptsRfc2617ResponseAndRefusesForgedNonce() {
		DigestAuth auth = new DigestAuth("minsheng");
		String ha1 = SubscriberDirectory.ha1("1001", "minsheng", "pw");
		String nonce = auth.newNonce();
		String ha2 = SubscriberDirectory.md5Hex("REGISTER:sip:127.0.0.1");
		String response = SubscriberDirectory.md5Hex(ha1 + ":" + nonce + ":00000001:abc:auth:" + ha2);

		assertThat(auth.check(ha1, "REGISTER", "sip:127.0.0.1", nonce, response, "auth", "00000001", "abc"))
				.isEqualTo(DigestAuth.Verdict.OK);
		assertThat(auth.check(ha1, "REGISTER", "sip:127.0.0.1", nonce, response, "auth", "00000002", "abc"))
				.isEqualTo(DigestAuth.Verdict.WRONG);
		String forged = new DigestAuth("minsheng").newNonce();
		String forgedResponse = SubscriberDirectory.md5Hex(ha1 + ":" + forged + ":00000001:abc:auth:" + ha2);
		assertThat(auth.check(ha1, "REGISTER", "sip:127.0.0.1", forged, forgedResponse, "auth", "00000001", "abc"))
				.isEqualTo(DigestAuth.Verdict.WRONG);
	}

	@Test
	void infoBodiesOfBothCommonFormatsGiveTheKey() {
		assertThat(JainSipEngine.infoDigit("Signal=5\r\nDuration=160\r\n")).isEqualTo('5');
		assertThat(JainSipEngine.infoDigit("Signal= #\r\n")).isEqualTo('#');
		assertThat(JainSipEngine.infoDigit("*")).isEqualTo('*');
		assertThat(JainSipEngine.infoDigit("Signal=hello")).isEqualTo((char) 0);
	}

	@Test
	void recorderPlacesEachPartyByTimestampSoLossLeavesSilenceNotShift(@TempDir Path dir) throws Exception {
		StereoRecorder recorder = new StereoRecorder(dir.resolve("r.wav"));
		long t0 = recorder.startNanos + 200_000_000L; // both parties start talking 200 ms into the recording
		short[] loud = new short[160];
		java.util.Arrays.fill(loud, (short) 10000);
		// caller: packets 0..49 with packet 10 lost; agent: packets 0..49 arriving swapped in pairs, each late
		for (int i = 0; i < 50; i++) if (i != 10) recorder.write(0, 1000 + 160L * i, loud, t0 + 20_000_000L * i);
		for (int i = 0; i < 50; i += 2) {
			recorder.write(1, 5000 + 160L * (i + 1), loud, t0 + 20_000_000L * (i + 1) + 5_000_000);
			recorder.write(1, 5000 + 160L * i, loud, t0 + 20_000_000L * (i + 1) + 6_000_000);
		}
		Recording r = recorder.finish();

		Wav wav = Wav.read(r.file());
		int start = 1600; // 200 ms
		assertThat(wav.samples()[0][start + 10 * 160 + 5]).as("lost packet stays silent").isZero();
		assertThat(wav.samples()[0][start + 11 * 160 + 5]).isEqualTo((short) 10000);
		// the agent's stream is anchored where its first packet arrived (5 ms late = 40 samples), then by timestamp
		for (int i = 80; i < 50 * 160; i += 40) {
			assertThat(wav.samples()[1][start + i]).as("agent sample %d", i).isEqualTo((short) 10000);
		}
		assertThat(wav.samples()[0][start - 10]).isZero();
		assertThat(r.length().toMillis()).isBetween(1190L, 1230L);
	}

	@Test
	void promptsMustBe8kMono16Bit() {
		byte[] wav = new byte[44 + 4];
		java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(wav).order(java.nio.ByteOrder.LITTLE_ENDIAN);
		b.putInt(0x46464952).putInt(40).putInt(0x45564157).putInt(0x20746d66).putInt(16).putShort((short) 1)
				.putShort((short) 1).putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16)
				.putInt(0x61746164).putInt(4);
		assertThatThrownBy(() -> AudioClip.fromWav("p.wav", wav)).hasMessageContaining("sox");
		b.putInt(24, 8000);
		assertThat(AudioClip.fromWav("p.wav", wav).samples()).hasSize(2);
	}
}
