// The roles a host can be given when it joins with an enrollment token
// (ECE's runner roles; `--roles` of the installer).

export const HOST_ROLES = ['allocator', 'coordinator', 'director', 'proxy'];
