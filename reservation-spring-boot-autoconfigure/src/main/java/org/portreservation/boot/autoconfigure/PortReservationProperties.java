package org.portreservation.boot.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.portreservation.BlockArguments;
import org.portreservation.PortBlock;
import org.portreservation.BlockArguments.Argument;
import org.portreservation.BlockArguments.Violation;
import org.portreservation.Protocol;
import org.portreservation.boot.AdoptedBlocks;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration properties for port reservations.
 * <p>
 * Validates itself while Boot binds it, so a wrong value stops start-up with the
 * property, its origin and the allowed values, before any port is reserved.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("portreservation")
public class PortReservationProperties implements Validator, BeanFactoryAware {

	private static final Map<Argument, String> PROPERTY_NAMES = Map.of(Argument.PROTOCOL, "protocol",
			Argument.START_PORT, "start-port", Argument.NUMBER_OF_PORTS, "number-of-ports");

	/**
	 * Whether to reserve the configured blocks and provide the PortReservationTemplate.
	 */
	private boolean enabled = true;

	/**
	 * Whether a block that cannot be reserved stops start-up; when false it is logged as
	 * a warning and left out.
	 */
	private boolean failFast = true;

	/**
	 * Blocks of ports to reserve at start-up, by name. Each block has 'protocol' (tcp or
	 * udp, default tcp), 'start-port' (0, the default, for any free block),
	 * 'number-of-ports' (default 1) and 'persistent' (default false).
	 */
	private final Map<String, Block> blocks = new LinkedHashMap<>();

	private final Server server = new Server();

	private final Management management = new Management();

	/** Where adopted blocks are looked up while validating. */
	private @Nullable BeanFactory beanFactory;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isFailFast() {
		return this.failFast;
	}

	public void setFailFast(boolean failFast) {
		this.failFast = failFast;
	}

	public Map<String, Block> getBlocks() {
		return this.blocks;
	}

	public Server getServer() {
		return this.server;
	}

	public Management getManagement() {
		return this.management;
	}

	@Override
	public void setBeanFactory(BeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	@Override
	public boolean supports(Class<?> type) {
		return type == PortReservationProperties.class || type == Block.class;
	}

	@Override
	public void validate(Object target, Errors errors) {
		if (target instanceof Block block) {
			block.validate(errors);
		}
		else if (target instanceof PortReservationProperties properties) {
			properties.validateOverlaps(errors);
			properties.validateServerBlock(errors, "server.block", properties.getServer().getBlock());
			properties.validateServerBlock(errors, "management.block", properties.getManagement().getBlock());
		}
	}

	/**
	 * Two explicit blocks of one protocol that share a port could never both be reserved.
	 */
	private void validateOverlaps(Errors errors) {
		Map<String, PortBlock> explicit = new LinkedHashMap<>();
		this.blocks.forEach((name, block) -> {
			if (block.getStartPort() != 0 && block.isValid()) {
				explicit.put(name, block.toPortBlock());
			}
		});
		List<String> names = explicit.keySet().stream().sorted().toList();
		String prefix = errors.getObjectName() + ".blocks.";
		for (int i = 0; i < names.size(); i++) {
			for (int j = i + 1; j < names.size(); j++) {
				PortBlock first = explicit.get(names.get(i));
				PortBlock second = explicit.get(names.get(j));
				if (first.overlaps(second)) {
					errors.rejectValue("blocks", "overlappingBlocks",
							prefix + names.get(j) + " (" + second + ") overlaps " + prefix + names.get(i) + " (" + first
									+ "): a port belongs to one block "
									+ "only; move one of them, or set its start-port to 0 for any free block");
				}
			}
		}
	}

	private void validateServerBlock(Errors errors, String field, @Nullable String name) {
		if (name == null) {
			return;
		}
		String property = errors.getObjectName() + "." + field;
		AdoptedBlocks adopted = adoptedBlocks();
		Map<String, Protocol> protocols = new LinkedHashMap<>();
		this.blocks.forEach((blockName, block) -> protocols.put(blockName, block.getProtocol()));
		adopted.getReservations().forEach((blockName, block) -> protocols.put(blockName, block.protocol()));
		List<String> tcpBlocks = protocols.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() == Protocol.TCP)
			.map(Map.Entry::getKey)
			.toList();
		Protocol protocol = protocols.get(name);
		if (protocol == null) {
			String origins = errors.getObjectName() + ".blocks"
					+ (adopted.getReservations().isEmpty() ? "" : " or adopted from " + adopted.getOwner());
			errors.rejectValue(field, "unknownBlock",
					property + " names the block '" + name
							+ "', which is not configured: use the name of a tcp block configured under " + origins
							+ ", one of " + tcpBlocks);
		}
		else if (protocol != Protocol.TCP) {
			errors.rejectValue(field, "udpBlock", property + " names the " + protocol.label() + " block '" + name
					+ "', but a server listens on tcp: use a tcp block, one of " + tcpBlocks);
		}
	}

	private AdoptedBlocks adoptedBlocks() {
		return (this.beanFactory != null)
				? this.beanFactory.getBeanProvider(AdoptedBlocks.class).getIfAvailable(AdoptedBlocks::none)
				: AdoptedBlocks.none();
	}

	/**
	 * A block of contiguous ports.
	 */
	public static class Block {

		/**
		 * Protocol of the block's ports: tcp or udp.
		 */
		private Protocol protocol = Protocol.TCP;

		/**
		 * First port of the block, or 0 for any free block.
		 */
		private int startPort;

		/**
		 * Number of contiguous ports in the block.
		 */
		private int numberOfPorts = 1;

		/**
		 * Whether the block is a persistent reservation, which outlives the application
		 * and needs an explicit start port; false reserves it only while the application
		 * runs.
		 */
		private boolean persistent;

		public Protocol getProtocol() {
			return this.protocol;
		}

		public void setProtocol(Protocol protocol) {
			this.protocol = protocol;
		}

		public int getStartPort() {
			return this.startPort;
		}

		public void setStartPort(int startPort) {
			this.startPort = startPort;
		}

		public int getNumberOfPorts() {
			return this.numberOfPorts;
		}

		public void setNumberOfPorts(int numberOfPorts) {
			this.numberOfPorts = numberOfPorts;
		}

		public boolean isPersistent() {
			return this.persistent;
		}

		public void setPersistent(boolean persistent) {
			this.persistent = persistent;
		}

		/**
		 * The block these properties describe, once they are valid.
		 * @return the block, or a request for any free block when the start port is 0
		 */
		public PortBlock toPortBlock() {
			return PortBlock.of(this.protocol, this.startPort, this.numberOfPorts);
		}

		/**
		 * The block as messages name it, such as {@code tcp block 5000-5003, persistent}.
		 * @return the description, also for properties that are not valid
		 */
		@Override
		public String toString() {
			if (!isValid()) {
				return this.protocol + " start-port " + this.startPort + " number-of-ports " + this.numberOfPorts;
			}
			return toPortBlock() + (this.persistent ? ", persistent" : "");
		}

		private boolean isValid() {
			return BlockArguments
				.violations(this.protocol, this.startPort, this.numberOfPorts, this.persistent, Argument::javaName)
				.isEmpty();
		}

		private void validate(Errors errors) {
			String prefix = errors.getObjectName() + ".";
			for (Violation violation : BlockArguments.violations(this.protocol, this.startPort, this.numberOfPorts,
					this.persistent, (argument) -> prefix + PROPERTY_NAMES.get(argument))) {
				errors.rejectValue(PROPERTY_NAMES.get(violation.argument()), violation.argument().name(),
						violation.message());
			}
		}

	}

	/**
	 * Port reservation settings of the embedded web server.
	 */
	public static class Server {

		/**
		 * Name of the tcp block the embedded web server binds its port from; server.port
		 * must be unset, 0 or a port of the block.
		 */
		private @Nullable String block;

		public @Nullable String getBlock() {
			return this.block;
		}

		public void setBlock(@Nullable String block) {
			this.block = block;
		}

	}

	/**
	 * Port reservation settings of the management server on its own port.
	 */
	public static class Management {

		/**
		 * Name of the tcp block the management server binds its port from when it runs on
		 * its own port; management.server.port must be 0 or a port of the block.
		 */
		private @Nullable String block;

		public @Nullable String getBlock() {
			return this.block;
		}

		public void setBlock(@Nullable String block) {
			this.block = block;
		}

	}

}
