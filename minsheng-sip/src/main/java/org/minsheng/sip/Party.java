package org.minsheng.sip;

/** Which side of a call did something (hung up, sent audio). */
public enum Party { CALLER, AGENT, SYSTEM }
