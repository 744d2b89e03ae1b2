package org.minsheng.sip.internal;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the JAIN-SIP stack's own logging to SLF4J, so the stack needs no log4j at run time and its messages
 * land where the application's do.
 */
public final class Slf4jStackLogger implements StackLogger {

	private static final Logger log = LoggerFactory.getLogger("org.minsheng.sip.stack");

	@Override public void logStackTrace() { if (log.isTraceEnabled()) log.trace("stack", new Throwable()); }
	@Override public void logStackTrace(int level) { logStackTrace(); }
	@Override public int getLineCount() { return 0; }
	@Override public void logException(Throwable ex) { log.warn("SIP stack", ex); }
	@Override public void logDebug(String message) { log.debug(message); }
	@Override public void logDebug(String message, Exception ex) { log.debug(message, ex); }
	@Override public void logTrace(String message) { log.trace(message); }
	@Override public void logFatalError(String message) { log.error(message); }
	@Override public void logError(String message) { log.error(message); }
	@Override public boolean isLoggingEnabled() { return log.isInfoEnabled(); }

	@Override
	public boolean isLoggingEnabled(int level) {
		return switch (level) {
			case TRACE_TRACE -> log.isTraceEnabled();
			case TRACE_DEBUG -> log.isDebugEnabled();
			case TRACE_INFO -> log.isInfoEnabled();
			case TRACE_WARN -> log.isWarnEnabled();
			case TRACE_ERROR, TRACE_FATAL -> log.isErrorEnabled();
			default -> false;
		};
	}

	@Override public void logError(String message, Exception ex) { log.error(message, ex); }
	@Override
	public void logWarning(String message) {
		// the stack warns at every start that TLS is not configured; the engine does not offer TLS yet
		if (message != null && (message.startsWith("TLS ") || message.startsWith("Using default "))) log.debug(message);
		else log.warn(message);
	}
	@Override public void logInfo(String message) { log.info(message); }
	@Override public void disableLogging() { }
	@Override public void enableLogging() { }
	@Override public void setBuildTimeStamp(String buildTimeStamp) { }
	@Override public void setStackProperties(Properties properties) { }
	@Override public String getLoggerName() { return log.getName(); }
}
