import { classifyTransfers, TransferClassification, TransferLocation } from '../rules/transfer-classifier';
import { SubprocessorDetails } from './subprocessor.entities';

/** Every country involved (processing and remote access), each with the mechanism recorded for it. */
export function transferLocations(details: SubprocessorDetails): TransferLocation[] {
  const countries = [...new Set([...details.processingCountries, ...details.accessCountries])];
  return countries.map((country) => {
    const arrangement = details.transfers.find((transfer) => transfer.country === country);
    return arrangement
      ? { country, mechanism: arrangement.mechanism, documentReference: arrangement.documentReference, transferImpactAssessment: arrangement.transferImpactAssessment }
      : { country };
  });
}

export function assessTransfers(details: SubprocessorDetails, at: Date): TransferClassification {
  return classifyTransfers(transferLocations(details), at);
}
