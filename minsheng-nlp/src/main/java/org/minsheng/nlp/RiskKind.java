package org.minsheng.nlp;

/** Risks that must reach a supervisor at once, whatever else the request is about. */
public enum RiskKind {

	SELF_HARM("自伤自杀"), VIOLENCE("暴力威胁"), PUBLIC_SAFETY("公共安全"), MASS_INCIDENT("群体事件"), MEDIA_EXPOSURE("媒体曝光");

	private final String label;

	RiskKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
