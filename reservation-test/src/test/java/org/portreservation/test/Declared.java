package org.portreservation.test;

import java.lang.annotation.Annotation;

import org.portreservation.Protocol;

/**
 * {@link ReservePorts} and {@link PortBlock} declarations made at run time, for blocks at
 * ports found free only then.
 */
final class Declared {

	private Declared() {
	}

	static ReservePorts reservePorts(PortBlock... blocks) {
		return new ReservePorts() {

			@Override
			public PortBlock[] value() {
				return blocks;
			}

			@Override
			public Class<? extends Annotation> annotationType() {
				return ReservePorts.class;
			}

		};
	}

	static PortBlock block(String name, Protocol protocol, int startPort, int numberOfPorts, boolean handOff) {
		return new PortBlock() {

			@Override
			public String name() {
				return name;
			}

			@Override
			public Protocol protocol() {
				return protocol;
			}

			@Override
			public int startPort() {
				return startPort;
			}

			@Override
			public int numberOfPorts() {
				return numberOfPorts;
			}

			@Override
			public boolean handOff() {
				return handOff;
			}

			@Override
			public Class<? extends Annotation> annotationType() {
				return PortBlock.class;
			}

		};
	}

	static Declaration declaration(PortBlock... blocks) {
		return Declaration.of(reservePorts(blocks), "a test's @ReservePorts");
	}

}
