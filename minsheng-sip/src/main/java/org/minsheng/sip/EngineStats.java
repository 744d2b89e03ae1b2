package org.minsheng.sip;

/**
 * Counters of the engine since it started.
 *
 * @param requests            SIP requests received
 * @param throttled           requests dropped because their source sent too many
 * @param callsOffered        INVITEs that started a call
 * @param callsRefusedCodec   INVITEs answered 488 for want of a common codec
 * @param registrationsFailed REGISTERs refused (wrong credentials or unknown account)
 * @param rtpPacketsIn        RTP packets received
 * @param rtpPacketsOut       RTP packets sent
 * @param streamsClosed       RTP streams that ended (two per bridged call)
 * @param audioReceived       audio packets received on the streams that ended
 * @param audioLost           audio packets missing on those streams, by their sequence numbers
 * @param callerAudioReceived of those, on the citizens' legs
 * @param callerAudioLost     of those, missing on the citizens' legs
 * @param jitterP99Millis     99th percentile over those streams of each one's highest interarrival jitter
 */
public record EngineStats(long requests, long throttled, long callsOffered, long callsRefusedCodec,
						  long registrationsFailed, long rtpPacketsIn, long rtpPacketsOut, long streamsClosed,
						  long audioReceived, long audioLost, long callerAudioReceived,
						  long callerAudioLost, double jitterP99Millis) {
}
