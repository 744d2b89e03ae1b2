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
 */
public record EngineStats(long requests, long throttled, long callsOffered, long callsRefusedCodec,
						  long registrationsFailed, long rtpPacketsIn, long rtpPacketsOut) {
}
