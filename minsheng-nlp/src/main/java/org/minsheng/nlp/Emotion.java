package org.minsheng.nlp;

import java.util.Locale;
import java.util.Optional;

/**
 * The emotion of a citizen's text, as a hotline needs it: anger and fear call for a calmer answer
 * and a supervisor's eye, sadness for care. Training files may name them in English, in Chinese or
 * with the six Weibo labels (happy → positive, fear → anxious, surprise → neutral).
 */
public enum Emotion {

	ANGRY("愤怒"), ANXIOUS("焦虑恐惧"), SAD("悲伤"), NEUTRAL("平和"), POSITIVE("积极");

	private final String label;

	Emotion(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The emotion a label names, or empty when it names none. */
	public static Optional<Emotion> parse(String name) {
		if (name == null) return Optional.empty();
		return Optional.ofNullable(switch (name.strip().toLowerCase(Locale.ROOT)) {
			case "angry", "anger", "愤怒", "生气", "不满" -> ANGRY;
			case "anxious", "fear", "fearful", "焦虑", "恐惧", "焦虑恐惧", "担忧", "害怕" -> ANXIOUS;
			case "sad", "sadness", "悲伤", "难过" -> SAD;
			case "neutral", "surprise", "平和", "中性", "平静" -> NEUTRAL;
			case "positive", "happy", "joy", "积极", "高兴", "满意" -> POSITIVE;
			default -> null;
		});
	}
}
