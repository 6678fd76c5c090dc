package org.portreservation.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a configured block that could not be reserved, and the settings that get the
 * application started.
 */
class BlockAcquisitionFailureAnalyzer extends AbstractFailureAnalyzer<BlockAcquisitionException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BlockAcquisitionException cause) {
		String prefix = "portreservation.blocks." + cause.blockName();
		return new FailureAnalysis(cause.getMessage(),
				"Free the ports named above, or change " + prefix + " (another " + prefix + ".start-port, 0 for any "
						+ "free block, or fewer " + prefix + ".number-of-ports), or set portreservation.fail-fast "
						+ "to false to start without the block.",
				cause);
	}

}
