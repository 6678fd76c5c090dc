package org.portreservation.boot.autoconfigure.netty;

import java.util.function.Supplier;

import org.portreservation.PortReservation;
import org.portreservation.boot.autoconfigure.ServerBlock;
import org.portreservation.boot.autoconfigure.ServerHandOff;
import org.portreservation.boot.netty.ReservedLoopResources;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Binds Reactor Netty from a block, on whichever transport it runs: the server gets a
 * {@link ReactorResourceFactory} of its own whose loops are the context's (the global
 * {@link HttpResources} unless configured otherwise) seen through
 * {@link ReservedLoopResources}, so only this server's channel binds from the block and a
 * {@code WebClient} on the same loops is untouched.
 * <p>
 * Boot's server runs on its resource factory's loops after every
 * {@code NettyServerCustomizer}, asking for them at each start, since they are renewed
 * when the context restarts: hence a resource factory, not a customizer.
 *
 * @since 0.1.0
 */
public final class NettyServerHandOff extends ServerHandOff {

	private final ObjectProvider<ReactorResourceFactory> resourceFactory;

	/**
	 * Creates the hand-off of Reactor Netty.
	 * @param resourceFactory the context's resources, whose loops the server runs on
	 */
	public NettyServerHandOff(ObjectProvider<ReactorResourceFactory> resourceFactory) {
		super("Reactor Netty", NettyReactiveWebServerFactory.class);
		this.resourceFactory = resourceFactory;
	}

	@Override
	public void handOff(ConfigurableWebServerFactory factory, PortReservation reservation, ServerBlock server) {
		ReactorResourceFactory resources = this.resourceFactory.getIfAvailable();
		Supplier<LoopResources> loops = (resources != null) ? resources::getLoopResources : HttpResources::get;
		((NettyReactiveWebServerFactory) factory).setResourceFactory(new ReservedResourceFactory(loops, reservation));
	}

	/**
	 * The server's resources: the context's loops, as they are at each start, binding
	 * server channels from the block.
	 */
	private static final class ReservedResourceFactory extends ReactorResourceFactory {

		private final Supplier<LoopResources> loops;

		private final PortReservation reservation;

		ReservedResourceFactory(Supplier<LoopResources> loops, PortReservation reservation) {
			this.loops = loops;
			this.reservation = reservation;
		}

		@Override
		public LoopResources getLoopResources() {
			return new ReservedLoopResources(this.loops.get(), this.reservation);
		}

	}

}
