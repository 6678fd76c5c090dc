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

	private final @Nullable String warning;

	private BackendInfo(String name, @Nullable String persistentUnsupportedReason, @Nullable String warning) {
		this.name = Objects.requireNonNull(name, "name");
		this.persistentUnsupportedReason = persistentUnsupportedReason;
		this.warning = warning;
	}

	/**
	 * Describes a backend that can make persistent reservations here.
	 * @param name the backend's name
	 * @return the description
	 */
	public static BackendInfo withPersistent(String name) {
		return new BackendInfo(name, null, null);
	}

	/**
	 * Describes a backend that cannot make persistent reservations here.
	 * @param name the backend's name
	 * @param reason why not, and what would make it possible
	 * @return the description
	 */
	public static BackendInfo withoutPersistent(String name, String reason) {
		return new BackendInfo(name, Objects.requireNonNull(reason, "reason"), null);
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

	/**
	 * This description with a warning about this machine, such as an operating system on
	 * which the backend refuses to reserve.
	 * @param warning what is wrong and what to do
	 * @return the description with the warning
	 */
	public BackendInfo withWarning(String warning) {
		return new BackendInfo(this.name, this.persistentUnsupportedReason, Objects.requireNonNull(warning, "warning"));
	}

	/**
	 * What the backend warns about on this machine.
	 * @return the warning, empty when there is none
	 */
	public Optional<String> warning() {
		return Optional.ofNullable(this.warning);
	}

	@Override
	public String toString() {
		String description = persistentSupported() ? this.name + ", persistent reservations supported"
				: this.name + ", persistent reservations unavailable: " + this.persistentUnsupportedReason;
		return (this.warning != null) ? description + "; warning: " + this.warning : description;
	}

}
