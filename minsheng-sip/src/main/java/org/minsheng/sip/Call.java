package org.minsheng.sip;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A citizen's call as the {@link CallHandler} sees it. Methods block the calling (virtual) thread; all of them
 * throw {@link CallGoneException} once the caller has hung up, so a flow ends by itself when the caller leaves.
 */
public interface Call {

	CallId id();

	/** The caller's number (user part of From). */
	String caller();

	/** The number dialled (user part of the Request-URI), e.g. {@code 12345}. */
	String dialled();

	/** The codec agreed with the caller: {@code PCMU} or {@code PCMA}. */
	String codec();

	Instant startedAt();

	/** When the engine answered the caller, if it did. */
	Optional<Instant> answeredAt();

	boolean isEnded();

	/** Sends 180 Ringing. */
	void ring();

	/** Answers (200 OK with the SDP answer) and waits for the ACK; media starts flowing. */
	void answer();

	/**
	 * Early media: sends 183 Session Progress with the SDP answer, so what is {@link #play played} reaches the caller
	 * before the call is answered (an announcement the caller is not billed for, or ringback of the center's own).
	 * {@link #answer} may follow; {@link #hangup} without it refuses the call (480), which carriers do not charge.
	 * Does nothing once answered.
	 */
	void progress();

	/** Whether the call has been answered (200 OK sent). */
	default boolean isAnswered() {
		return answeredAt().isPresent();
	}

	/**
	 * Plays a clip to the caller.
	 *
	 * @param interruptible whether a key press stops the clip
	 * @return the key that interrupted the clip (it is also left for {@link #readDigits}), or empty
	 */
	Optional<Character> play(AudioClip clip, boolean interruptible);

	/** Stops a clip another thread is playing (music on hold when an agent is found). */
	void stopPlayback();

	/**
	 * Collects keys pressed (RFC 4733 events or SIP INFO), including any pressed during an interruptible clip.
	 *
	 * @param max          stop after this many keys
	 * @param firstKey     how long to wait for the first key
	 * @param betweenKeys  how long to wait for each following key
	 * @param terminator   a key that ends the input and is not returned (e.g. {@code '#'}), or {@code 0} for none
	 * @return the keys, possibly empty on timeout
	 */
	String readDigits(int max, Duration firstKey, Duration betweenKeys, char terminator);

	/**
	 * Rings the phone registered for {@code agent}; when it answers, the caller and the agent talk until one hangs
	 * up (recorded in stereo when a recording name is given). Blocks until then, or until the agent did not answer.
	 */
	BridgeOutcome bridge(String agent, Duration ringTimeout, String recordingName);

	/**
	 * Rings the phones of several agents at once (ring-all); the first to answer talks with the caller and the
	 * others stop ringing. {@link BridgeOutcome#agent()} names who answered.
	 */
	default BridgeOutcome bridgeFirst(java.util.List<String> agents, Duration ringTimeout, String recordingName) {
		return bridgeFirst(agents, ringTimeout, recordingName, agent -> { });
	}

	/**
	 * As {@link #bridgeFirst(java.util.List, Duration, String)}, telling {@code answered} which agent answered the
	 * moment the talk starts (to pop the caller's details on the agent's screen), before this returns at its end.
	 */
	BridgeOutcome bridgeFirst(java.util.List<String> agents, Duration ringTimeout, String recordingName,
			java.util.function.Consumer<String> answered);

	/** The prefix {@link BridgeOutcome#agent()} names an outside number with, after {@link #bridgeExternal}. */
	String EXTERNAL = "tel:";

	/**
	 * Transfers the caller to an outside number (a department's line) through the trunk: rings it and, once
	 * answered, the caller and the outside party talk until one hangs up (recorded when a name is given).
	 * {@link BridgeOutcome#agent()} is {@code tel:<number>}; without a trunk the outcome is UNREACHABLE.
	 */
	BridgeOutcome bridgeExternal(String number, Duration ringTimeout, String recordingName);

	/**
	 * Records what the caller says (a voice message) to a mono WAV until {@code stopKey} is pressed, the caller
	 * hangs up, or {@code max} has passed. Returns empty when nothing was heard.
	 */
	Optional<Recording> recordMessage(String name, Duration max, char stopKey);

	/**
	 * Transfers the caller away from the agent they are talking with (blind transfer from the console): the
	 * {@link #bridgeFirst} in progress returns {@link BridgeOutcome.Result#TRANSFERRED} with the target.
	 *
	 * @return false when the caller is not talking with an agent
	 */
	boolean transfer(String target);

	/**
	 * Puts the caller on hold while talking with an agent (the console's hold button), or takes the call off hold:
	 * while held the two do not hear each other and the caller hears {@link #holdMusic}. An agent's phone holding
	 * (a re-INVITE with {@code sendonly} or {@code inactive}) does the same by itself.
	 *
	 * @return false when the caller is not talking with an agent
	 */
	boolean hold(boolean on);

	/**
	 * Consults another agent while the caller waits on hold with music (坐席咨询): rings {@code agent}'s phone; once
	 * it answers the two agents talk. Then {@link #completeTransfer}, {@link #conference} or {@link #endConsult}.
	 * {@code tel:<number>} consults an outside number through the trunk (a department's line) the same way.
	 *
	 * @return true when the consulted agent answered; false when the caller is not talking with an agent, a consult
	 *     is already going on, or the phone did not answer in time (the caller is back with their agent)
	 */
	boolean consult(String agent, Duration ringTimeout);

	/** Ends the consult (取回): the consulted agent is hung up and the caller talks with their agent again. */
	boolean endConsult();

	/** Joins the caller into the consult (三方通话): all three hear each other. */
	boolean conference();

	/**
	 * Hands the caller over to the consulted agent (attended transfer, 咨询后转接); the first agent's phone is hung
	 * up. An agent who hangs up while consulting or in a conference does the same.
	 */
	boolean completeTransfer();

	/** Told about consults ending and handovers during the talks of this call. */
	void talkListener(TalkListener listener);

	/** Whether the caller is on hold now (by the console or by the agent's phone). */
	boolean isHeld();

	/** The music the caller hears while on hold, looped; without one the caller hears silence. */
	void holdMusic(AudioClip music);

	/**
	 * Starts recording the call as the caller lives it, in stereo: what the caller says on the left, what the caller
	 * hears (prompts, music, the agent) on the right. For calls that never reach an agent ("IVR-only"), since a
	 * talk with an agent has its own recording. Ends with {@link #stopRecording} or with the call.
	 */
	void startRecording(String name);

	/** Ends the recording {@link #startRecording} started (finishing its file and checksum); empty when none. */
	Optional<Recording> stopRecording();

	/** Ends the call (BYE when answered, 480 otherwise). */
	void hangup();

	/** Waits until the call has ended. */
	boolean awaitEnd(Duration timeout) throws InterruptedException;

	/** Who ended the call, once it has ended. */
	Optional<Party> endedBy();
}
