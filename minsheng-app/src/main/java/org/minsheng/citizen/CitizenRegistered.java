package org.minsheng.citizen;

public record CitizenRegistered(CitizenId citizenId) {
}
