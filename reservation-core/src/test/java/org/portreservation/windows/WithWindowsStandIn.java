package org.portreservation.windows;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class against the stand-in Windows libraries, reset before each test: only
 * in the windows-stand-in surefire execution, which builds and preloads them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(WithWindowsStandIn.TAG)
@ExtendWith(WithWindowsStandIn.Reset.class)
@interface WithWindowsStandIn {

	String TAG = "windows-stand-in";

	/** Forgets what earlier tests left in the stand-in. */
	class Reset implements BeforeEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			StandIn.INSTANCE.standin_reset();
		}

	}

}
