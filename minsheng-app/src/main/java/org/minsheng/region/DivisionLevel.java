package org.minsheng.region;

public enum DivisionLevel {
	PROVINCE, CITY, DISTRICT, STREET
}
