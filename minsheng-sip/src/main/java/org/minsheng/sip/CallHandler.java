package org.minsheng.sip;

/**
 * Drives one incoming call from start to end (IVR, queueing, bridging). The engine calls it on a virtual thread of
 * its own once the caller's offer has a codec in common with the engine, so the handler may block; when it
 * returns, a call still up is hung up.
 */
@FunctionalInterface
public interface CallHandler {
	void handle(Call call) throws Exception;
}
