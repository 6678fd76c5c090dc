package org.portreservation.boot.autoconfigure;

import java.util.concurrent.CountDownLatch;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A web application for full start-ups: servlet or reactive, whichever type the test asks
 * for.
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
