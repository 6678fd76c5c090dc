package org.portreservation.boot.actuate;

import java.nio.channels.ServerSocketChannel;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portreservation.JavaProcess;
import org.portreservation.PortLease;
import org.portreservation.PortReservation;
import org.portreservation.PortReservations;
import org.portreservation.Protocol;
import org.portreservation.SocketHolder;
import org.portreservation.boot.PortReservationTemplate;
import org.portreservation.boot.actuate.PortReservationsEndpoint.BlockDescriptor;
import org.portreservation.boot.actuate.PortReservationsEndpoint.PortUseDescriptor;

import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PortReservationsEndpoint} and its web extension, on this machine's
 * real backend with another process holding a handed-off port.
 */
class PortReservationsEndpointTests {

	private final PortReservations backend = PortReservations.forCurrentPlatform();

	private final PortReservationTemplate template = newTemplate();

	@AfterEach
	void close() {
		this.template.close();
	}

	@Test
	void describesTheBackendAndEveryBlockInConfigurationOrder() throws Exception {
		PortReservation web = this.template.getReservation("web");
		try (ServerSocketChannel server = web.openServerSocketChannel(web.startPort());
				PortLease lease = web.lease(web.startPort() + 1)) {
			PortReservationsEndpoint.PortReservationsDescriptor described = endpoint(Show.NEVER).portReservations();
			assertThat(described.backend()).isEqualTo(this.backend.backend().name());
			assertThat(described.blocks()).containsOnlyKeys("web", "echo");
			assertThat(described.blocks().keySet()).containsExactly("web", "echo");
			BlockDescriptor block = described.blocks().get("web");
			assertThat(block.protocol()).isEqualTo("tcp");
			assertThat(block.startPort()).isEqualTo(web.startPort());
			assertThat(block.endPort()).isEqualTo(web.endPort());
			assertThat(block.persistent()).isFalse();
			assertThat(block.freePorts()).containsExactly(web.startPort() + 2);
			assertThat(block.portsInUse()).containsExactly(
					Map.entry(web.startPort(), new PortUseDescriptor("bound", null)),
					Map.entry(web.startPort() + 1, new PortUseDescriptor("leased", null)));
			assertThat(described.blocks().get("echo").protocol()).isEqualTo("udp");
		}
	}

	@Test
	void oneBlockByNameAndNothingForAnUnknownName() {
		PortReservationsEndpoint endpoint = endpoint(Show.NEVER);
		assertThat(endpoint.block("echo")).isNotNull().satisfies((echo) -> assertThat(echo.freePorts()).hasSize(2));
		assertThat(endpoint.block("api")).isNull();
		WebEndpointResponse<BlockDescriptor> unknown = extension(Show.NEVER, Set.of()).block(SecurityContext.NONE,
				"api");
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getBody()).isNull();
		assertThat(extension(Show.NEVER, Set.of()).block(SecurityContext.NONE, "web").getStatus()).isEqualTo(200);
	}

	@Test
	void theProcessHoldingAHandedOffPortIsNamedOnlyWhenAllowed() {
		PortReservation web = this.template.getReservation("web");
		try (PortLease lease = web.lease()) {
			lease.handOff();
			try (JavaProcess child = SocketHolder.hold(Protocol.TCP, lease.port())) {
				assertThat(holderOf(endpoint(Show.NEVER).block("web"), lease.port())).isNull();
				PortReservationsEndpoint.HolderDescriptor shown = holderOf(endpoint(Show.ALWAYS).block("web"),
						lease.port());
				assertThat(shown).isNotNull();
				assertThat(shown.pid()).isEqualTo(child.pid());
				assertThat(shown.command()).isEqualTo("java");
				assertThat(shown.commandLine()).contains(SocketHolder.class.getName());
				lease.close();
				BlockDescriptor returning = endpoint(Show.ALWAYS).block("web");
				assertThat(returning.portsInUse().get(lease.port()).use()).isEqualTo("returning");
				assertThat(holderOf(returning, lease.port())).isNotNull();
			}
		}
	}

	@Test
	void overTheWebHoldersAreShownToAuthorizedUsersOnly() {
		PortReservation web = this.template.getReservation("web");
		try (PortLease lease = web.lease()) {
			lease.handOff();
			try (JavaProcess child = SocketHolder.hold(Protocol.TCP, lease.port())) {
				PortReservationsEndpointWebExtension extension = extension(Show.WHEN_AUTHORIZED, Set.of("OPS"));
				assertThat(holderOf(extension.portReservations(SecurityContext.NONE).blocks().get("web"), lease.port()))
					.isNull();
				assertThat(holderOf(extension.portReservations(user("DEV")).blocks().get("web"), lease.port()))
					.isNull();
				assertThat(holderOf(extension.block(user("OPS"), "web").getBody(), lease.port())).isNotNull()
					.satisfies((holder) -> assertThat(holder.pid()).isEqualTo(child.pid()));
			}
		}
	}

	@Test
	void overJmxWhenAuthorizedShowsHoldersAsBootDoesForValues() {
		PortReservation web = this.template.getReservation("web");
		try (PortLease lease = web.lease()) {
			lease.handOff();
			try (JavaProcess child = SocketHolder.hold(Protocol.TCP, lease.port())) {
				assertThat(holderOf(endpoint(Show.WHEN_AUTHORIZED).block("web"), lease.port())).isNotNull();
			}
		}
	}

	private PortReservationsEndpoint endpoint(Show showHolders) {
		return new PortReservationsEndpoint(this.template, showHolders);
	}

	private PortReservationsEndpointWebExtension extension(Show showHolders, Set<String> roles) {
		return new PortReservationsEndpointWebExtension(endpoint(showHolders), showHolders, roles);
	}

	private static PortReservationsEndpoint.@Nullable HolderDescriptor holderOf(@Nullable BlockDescriptor block,
			int port) {
		assertThat(block).isNotNull();
		PortUseDescriptor use = block.portsInUse().get(port);
		assertThat(use).isNotNull();
		return use.holder();
	}

	private static SecurityContext user(String role) {
		Principal principal = () -> "operator";
		return new SecurityContext() {

			@Override
			public Principal getPrincipal() {
				return principal;
			}

			@Override
			public boolean isUserInRole(String candidate) {
				return role.equals(candidate);
			}

		};
	}

	private PortReservationTemplate newTemplate() {
		Map<String, PortReservation> blocks = new LinkedHashMap<>();
		blocks.put("web", this.backend.acquire(Protocol.TCP, 0, 3));
		blocks.put("echo", this.backend.acquire(Protocol.UDP, 0, 2));
		return new PortReservationTemplate(this.backend, blocks);
	}

}
