package org.portreservation;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Which backend serves this machine and what it can do here.
 *
 * @since 0.1.0
 */
public final class BackendInfo {

	private final String name;

	private final @Nullable String persistentUnsupportedReason;

	private BackendInfo(String name, @Nullable String persistentUnsupportedReason) {
		this.name = Objects.requireNonNull(name, "name");
		this.persistentUnsupportedReason = persistentUnsupportedReason;
	}

	/**
	 * Describes a backend that can make persistent reservations here.
	 * @param name the backend's name
	 * @return the description
	 */
	public static BackendInfo withPersistent(String name) {
		return new BackendInfo(name, null);
	}

	/**
	 * Describes a backend that cannot make persistent reservations here.
	 * @param name the backend's name
	 * @param reason why not, and what would make it possible
	 * @return the description
	 */
	public static BackendInfo withoutPersistent(String name, String reason) {
		return new BackendInfo(name, Objects.requireNonNull(reason, "reason"));
	}

	/**
	 * The backend's name, as shown in logs.
	 * @return for example {@code unix (held sockets)} or
	 * {@code windows (kernel port reservations)}
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Whether persistent reservations can be created and deleted by this process.
	 * @return {@code true} if they can
	 */
	public boolean persistentSupported() {
		return this.persistentUnsupportedReason == null;
	}

	/**
	 * Why persistent reservations cannot be created or deleted here.
	 * @return the reason, empty when they can
	 */
	public Optional<String> persistentUnsupportedReason() {
		return Optional.ofNullable(this.persistentUnsupportedReason);
	}

	@Override
	public String toString() {
		return persistentSupported() ? this.name + ", persistent reservations supported"
				: this.name + ", persistent reservations unavailable: " + this.persistentUnsupportedReason;
	}

}
