package org.portreservation.boot.testapp;

import java.util.concurrent.CountDownLatch;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application for full start-ups: servlet or reactive, whichever type the test asks
 * for. It sits in a package of its own, as a user's application does, so that its
 * component scan finds none of this library's classes.
 */
@SpringBootApplication(proxyBeanMethods = false)
public class TestApplication {

	/** Counted down when a request to {@code /slow} has arrived. */
	public static volatile CountDownLatch slowRequestArrived = new CountDownLatch(1);

	@RestController
	static class HelloController {

		@GetMapping("/hello")
		String hello() {
			return "hello";
		}

		@GetMapping("/slow")
		String slow() throws InterruptedException {
			slowRequestArrived.countDown();
			Thread.sleep(1500);
			return "slow";
		}

	}

}
