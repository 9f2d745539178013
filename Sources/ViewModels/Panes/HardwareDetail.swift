import ChargEyeAPI

/// A station's hardware and licence, from the asset view the stations level asked for beside
/// the live one.
extension DetailBuilder {
    func hardware(_ records: HardwareRecords, stationId: String) -> [DetailPane.Line] {
        switch records {
        case .notAsked: return []
        case .loading: return [heading("Hardware"), Line(label: "", value: "loading…", role: .dim)]
        case .failed(let reason): return [heading("Hardware"), Line(label: "", value: "not available: \(reason) — \(retryKey) retries", role: .dim)]
        case .loaded(let byStation):
            guard let asset = byStation[stationId] else { return [] }
            let body = lines([
                ("model", asset.model), ("product", asset.manufacturingInfo?.productName ?? nil),
                ("serial", asset.manufacturingInfo?.serialNumber ?? nil), ("firmware", asset.firmwareVersion),
                ("vendor", asset.vendorName), ("operational", asset.operationalStatus?.text),
                ("commission", asset.commissioningRequired.map { $0 ? "required" : "not required" }),
                ("licence", asset.licenseId), ("customer", asset.customer?.name ?? nil),
                ("customer ref", asset.customerSuppliedId), ("access", asset.classification?.access?.text),
                ("delivered", asset.manufacturingInfo?.deliveryDate ?? nil), ("notes", asset.notes),
            ])
            return body.isEmpty ? [] : [heading("Hardware")] + body
        }
    }
}
