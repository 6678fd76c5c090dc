package org.portreservation.windows.jna;

import com.sun.jna.Structure;
import com.sun.jna.Structure.FieldOrder;

/**
 * The port reservation IOCTL codes and structures of {@code mstcpip.h}. Like
 * jna-platform's {@code WinNT}, this holds no library, so its structures can be made
 * without loading one.
 *
 * @since 0.1.0
 */
public interface Mstcpip {

	/** {@code _WSAIOW(IOC_VENDOR, 100)}: acquires a runtime reservation (mstcpip.h). */
	int SIO_ACQUIRE_PORT_RESERVATION = 0x98000064;

	/** {@code _WSAIOW(IOC_VENDOR, 101)}: releases a runtime reservation (mstcpip.h). */
	int SIO_RELEASE_PORT_RESERVATION = 0x98000065;

	/**
	 * {@code _WSAIOW(IOC_VENDOR, 102)}: associates an unbound socket with a reservation
	 * (mstcpip.h).
	 */
	int SIO_ASSOCIATE_PORT_RESERVATION = 0x98000066;

	/** The token no reservation has (mstcpip.h). */
	long INVALID_PORT_RESERVATION_TOKEN = 0;

	/**
	 * A block of ports: {@code StartPort} in network byte order, {@code NumberOfPorts} in
	 * host byte order (mstcpip.h). Also {@code INET_PORT_RESERVATION}.
	 */
	@FieldOrder({ "StartPort", "NumberOfPorts" })
	class INET_PORT_RANGE extends Structure {

		public short StartPort;

		public short NumberOfPorts;

		public INET_PORT_RANGE() {
		}

		/**
		 * Describes a block in host byte order.
		 * @param startPort the first port, or 0 for any free block
		 * @param numberOfPorts the number of ports
		 */
		public INET_PORT_RANGE(int startPort, int numberOfPorts) {
			this.StartPort = NetworkByteOrder.htons(startPort);
			this.NumberOfPorts = (short) numberOfPorts;
		}

		/**
		 * The first port, in host byte order.
		 * @return the port number
		 */
		public int startPort() {
			return NetworkByteOrder.ntohs(this.StartPort);
		}

		/**
		 * The number of ports.
		 * @return the count
		 */
		public int numberOfPorts() {
			return Short.toUnsignedInt(this.NumberOfPorts);
		}

	}

	/** The token of a runtime or persistent reservation (mstcpip.h). */
	@FieldOrder({ "Token" })
	class INET_PORT_RESERVATION_TOKEN extends Structure {

		public long Token;

		public INET_PORT_RESERVATION_TOKEN() {
		}

		/**
		 * Holds a token.
		 * @param token the token
		 */
		public INET_PORT_RESERVATION_TOKEN(long token) {
			this.Token = token;
		}

	}

	/**
	 * What {@code SIO_ACQUIRE_PORT_RESERVATION} returns: the block and its token
	 * (mstcpip.h).
	 */
	@FieldOrder({ "Reservation", "Token" })
	class INET_PORT_RESERVATION_INSTANCE extends Structure {

		public INET_PORT_RANGE Reservation = new INET_PORT_RANGE();

		public INET_PORT_RESERVATION_TOKEN Token = new INET_PORT_RESERVATION_TOKEN();

	}

}
