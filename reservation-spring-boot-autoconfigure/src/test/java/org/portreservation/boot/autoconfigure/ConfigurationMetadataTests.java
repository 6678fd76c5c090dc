package org.portreservation.boot.autoconfigure;

import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the configuration metadata generated for IDEs: every property is there with a
 * description.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescriptionAndItsDefault() throws Exception {
		Map<String, Map<String, Object>> properties = ourProperties();
		assertThat(properties).containsOnlyKeys("portreservation.enabled", "portreservation.fail-fast",
				"portreservation.blocks", "portreservation.server.block", "portreservation.management.block",
				"management.endpoint.portreservations.access",
				"management.endpoint.portreservations.cache.time-to-live",
				"management.endpoint.portreservations.show-holders", "management.endpoint.portreservations.roles",
				"management.health.portreservations.enabled");
		assertThat(properties.values())
			.allSatisfy((property) -> assertThat((String) property.get("description")).isNotBlank().endsWith("."));
		assertThat(properties.get("portreservation.enabled")).containsEntry("defaultValue", true);
		assertThat(properties.get("portreservation.fail-fast")).containsEntry("defaultValue", true);
		assertThat(properties.get("management.endpoint.portreservations.access")).containsEntry("defaultValue",
				"read_only");
		assertThat(properties.get("management.endpoint.portreservations.show-holders")).containsEntry("defaultValue",
				"never");
		assertThat(properties.get("management.health.portreservations.enabled")).containsEntry("defaultValue", true);
	}

	private Map<String, Map<String, Object>> ourProperties() throws Exception {
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				Metadata metadata = JsonMapper.builder()
					.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
					.build()
					.readValue(in, Metadata.class);
				if (metadata.properties()
					.stream()
					.anyMatch((property) -> "portreservation.enabled".equals(property.get("name")))) {
					return metadata.properties()
						.stream()
						.collect(Collectors.toMap((property) -> (String) property.get("name"), (property) -> property));
				}
			}
		}
		throw new IllegalStateException("No configuration metadata for portreservation on the class path");
	}

	record Metadata(List<Map<String, Object>> properties) {

	}

}
