package org.minsheng.identity;

/** Kinds of department in a hotline's dispatch tree. */
public enum DepartmentType {

	CENTER("热线中心"), DISTRICT("区县政府"), STREET("街道/乡镇"), BUREAU("职能局委"), SECTION("科室/站所"), ENTERPRISE("公共企事业单位");

	private final String label;

	DepartmentType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
