package org.portreservation.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the sample: the web server binds from the block {@code web}, the UDP echo
 * service from the block {@code echo}, and {@code GET /reservations} lists both.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
