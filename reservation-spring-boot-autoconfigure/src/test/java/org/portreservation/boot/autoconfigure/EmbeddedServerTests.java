package org.portreservation.boot.autoconfigure;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EmbeddedServer}: Boot ignores an exclusion that names no class, so a
 * misspelt name would let another server start unnoticed.
 */
class EmbeddedServerTests {

	@ParameterizedTest
	@EnumSource(EmbeddedServer.class)
	void everyAutoConfigurationLeftOutExists(EmbeddedServer server) {
		List<String> excluded = Arrays
			.asList(server.excludingTheOthers().substring("spring.autoconfigure.exclude=".length()).split(","));
		assertThat(excluded).isNotEmpty()
			.allSatisfy((name) -> assertThat(ClassUtils.isPresent(name, null)).as(name).isTrue());
	}

}
