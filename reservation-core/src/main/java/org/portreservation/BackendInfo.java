package org.portreservation;

import java.util.ArrayList;
import java.util.List;
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

	private final List<String> limits;

	private BackendInfo(String name, @Nullable String persistentUnsupportedReason) {
		this(name, persistentUnsupportedReason, List.of());
	}

	private BackendInfo(String name, @Nullable String persistentUnsupportedReason, List<String> limits) {
		this.name = Objects.requireNonNull(name, "name");
		this.persistentUnsupportedReason = persistentUnsupportedReason;
		this.limits = List.copyOf(limits);
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

	/**
	 * The same description, with what the backend cannot guarantee on this machine added.
	 * @param limits each saying what does not hold here and why
	 * @return the description
	 */
	public BackendInfo withLimits(List<String> limits) {
		List<String> all = new ArrayList<>(this.limits);
		all.addAll(limits);
		return new BackendInfo(this.name, this.persistentUnsupportedReason, all);
	}

	/**
	 * What the backend cannot guarantee on this machine, beyond what the library states
	 * for every machine of the platform: a kernel or a JVM option that lacks what a
	 * guarantee needs.
	 * @return the limits, none where every guarantee holds
	 */
	public List<String> limits() {
		return this.limits;
	}

	@Override
	public String toString() {
		String description = persistentSupported() ? this.name + ", persistent reservations supported"
				: this.name + ", persistent reservations unavailable: " + this.persistentUnsupportedReason;
		return this.limits.isEmpty() ? description : description + "; limits here: " + String.join("; ", this.limits);
	}

}
